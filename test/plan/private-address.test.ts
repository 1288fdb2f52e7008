import { describe, expect, it } from 'vitest';
import { isPrivateAddress, isPrivateHostname } from '../../src/plan/index.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1',
    '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', 'fe80::1%eth0', 'fe80::1', 'fd00::1', 'fc00::', 'febf::1',
    '64:ff9b::a00:1', '2002:a00:1::', '[::1]', '0:0:0:0:0:0:0:1', '::127.0.0.1', 'ff02::1',
  ])('refuses %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    '8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.128.0.1', '169.253.0.1', '93.184.216.34',
    '::ffff:8.8.8.8', '2001:4860:4860::8888', '2606:4700::1111', '1:2:3:4:5:6:7:8', '64:ff9b::808:808',
  ])('accepts %s', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('gives false for something that is not an address', () => {
    expect(isPrivateAddress('example.com')).toBe(false);
  });
});

describe('isPrivateHostname', () => {
  it.each([
    'localhost', 'LOCALHOST', 'localhost.', 'app.localhost', '127.0.0.1', '0x7f.1', '2130706433', '017700000001',
    '[::1]', '::1', '[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', 'jenkins', 'printer.local', 'metadata.google.internal',
    'router.home.arpa', 'nas.lan', '10.0.0.1', '',
  ])('refuses %s', (host) => {
    expect(isPrivateHostname(host)).toBe(true);
  });

  it.each(['example.com', 'EXAMPLE.COM.', 'www.google.com', '8.8.8.8', '[2001:4860:4860::8888]', 'localhost.example.com'])(
    'accepts %s',
    (host) => {
      expect(isPrivateHostname(host)).toBe(false);
    },
  );
});
