/**
 * Real pages' title histories for the drift comparison: what a page was when a post linked it (its Wayback
 * capture) and what it is now, and whether it is about something else now. Titles and headings are the pages' own
 * as the cited source shows them; openings are short condensed renderings of what the cited source shows the page
 * saying (in our words, same subject words), so the text measures see what they would see on the page.
 *
 * Sources were read with the `search` tool on 2026-12-05 (READ). Where a source describes the page now without
 * quoting it (a gambling takeover reported in an issue), the `now` side is written in the shape such pages have and
 * the comment says so.
 */
export interface PageSide {
  title: string;
  heading: string;
  opening: string;
  /** More of the visible text, when the opening alone would not show the page (default: the opening). */
  text?: string;
}

export interface DriftPair {
  id: string;
  /** The link's URL (its host names the site). */
  url: string;
  then: PageSide;
  now: PageSide;
  /** True when the page is about something else now. */
  changed: boolean;
  source: string;
}

const READ = '2026-12-05';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A page as a site renders it: chrome around a main part with the heading and the text. */
export function pageHtml(side: PageSide): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(side.title)}</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav><main>${side.heading === '' ? '' : `<h1>${escape(side.heading)}</h1>`}
<p>${escape(side.opening)}</p>${side.text === undefined ? '' : `<p>${escape(side.text)}</p>`}</main><footer>Privacy · Terms</footer></body></html>`;
}


/** A casino/slot page in the shape expired domains serve (see the issues cited with each pair). */
const SLOT_PAGE: PageSide = {
  title: 'SLOT GACOR: Situs Judi Slot Online Gacor Hari Ini Gampang Maxwin',
  heading: 'Situs Slot Gacor Terpercaya',
  opening: 'Daftar situs slot gacor hari ini dengan RTP tertinggi, bandar judi online terpercaya, deposit pulsa tanpa potongan, jackpot maxwin setiap hari.',
};
const CASINO_PAGE: PageSide = {
  title: 'Best Online Casinos 2024 – Real Money Casino Sites & Bonuses',
  heading: 'Best Online Casinos for Real Money',
  opening: 'Compare the top rated online casino sites, claim welcome bonuses and free spins, play slots, roulette and live dealer games. Sportsbook and betting offers updated daily.',
};

/** A parked sale page as in test/diagnose/real-shapes (Sedo, HugeDomains, Dan.com shapes cited there). */
function forSale(domain: string, service: string): PageSide {
  return {
    title: `${domain} is for sale | ${service}`,
    heading: domain,
    opening: `${domain} is for sale. Buy it now or make an offer. Secure transfer, buyer protection, financing available.`,
  };
}

/** A page whose domain now serves something else entirely (a casino, slot spam). */
function takenOver(id: string, url: string, then: PageSide, now: PageSide, source: string): DriftPair {
  return { id, url, then, now, changed: true, source };
}

export const PAIRS: DriftPair[] = [
  // --- About something else now ------------------------------------------------------------------------------
  {
    id: 'coursera-ml-course-replaced',
    url: 'https://www.coursera.org/learn/machine-learning',
    then: {
      title: 'Machine Learning – Stanford University',
      heading: 'Machine Learning',
      opening:
        'Machine learning is the science of getting computers to act without being explicitly programmed. In the past decade it gave us self-driving cars, practical speech recognition, effective web search and a vastly improved understanding of the human genome.',
      text: 'This class covers the most effective machine learning techniques and practice implementing them: supervised learning with parametric and non-parametric algorithms, support vector machines, kernels, neural networks; unsupervised learning with clustering, dimensionality reduction, recommender systems, deep learning; bias and variance theory. Case studies: smart robots, text understanding, anti-spam, computer vision, medical informatics, audio, database mining. Created by Stanford University, taught by Andrew Ng. Programming exercises in Octave or Matlab.',
    },
    now: {
      title: 'Supervised Machine Learning: Regression and Classification',
      heading: 'Supervised Machine Learning: Regression and Classification',
      opening:
        'In the first course of the Machine Learning Specialization, you will build machine learning models in Python using popular libraries NumPy and scikit-learn, and build and train supervised models for prediction and binary classification tasks, including linear regression and logistic regression.',
      text: 'The Machine Learning Specialization is a foundational online program created by DeepLearning.AI and Stanford Online. Skills you will gain: regularization to avoid overfitting, gradient descent, supervised learning, linear regression, logistic regression for classification. Instructors: Andrew Ng, Eddy Shyu, Aarti Bagul, Geoff Ladwig. Week 1 introduction, cost function formula, visualizing the cost function.',
    },
    changed: true,
    source: `issue 13 (the example titles); the course pages' text as crawled in nvidia/Nemotron-CC-Math-v1 on huggingface.co ("About this course" of 2016-2019 and the 2022 Specialization course), read ${READ}`,
  },
  takenOver('gophergala-casino', 'http://gophergala.com/', { title: 'Gopher Gala', heading: 'Gopher Gala 2015', opening: 'Gopher Gala is the first distributed Go hackathon: teams around the world build a project in Go over one weekend, judged by members of the Go community.' }, CASINO_PAGE, `gojp/goreportcard#449 (2026-03-25: "gophergala.com domain seems to have expired … redirect to some kind of an online casino"), read ${READ}`),
  takenOver('scalenpm-casino', 'http://scalenpm.org/', { title: 'Scale npm', heading: 'Help scale npm', opening: 'npm is growing fast and the registry needs better infrastructure. Donate to help scale the npm registry for every Node.js developer.' }, CASINO_PAGE, `nodejs/nodejs.org#8553 (2026-01-15: scalenpm donation domain "now appears to be hosting casino / gambling SEO content"), read ${READ}`),
  takenOver('umbel-casino', 'https://umbel.org/', { title: 'UMBEL - Upper Mapping and Binding Exchange Layer', heading: 'UMBEL', opening: 'UMBEL is a reference concept ontology and vocabulary for linking external sources of data, a lightweight subject structure for the semantic web.' }, CASINO_PAGE, `structureddynamics/UMBEL#10 (2021-04-23: "https://umbel.org/ is advertising some casinos"), read ${READ}`),
  takenOver('cashmusic-casino', 'https://cashmusic.org/', { title: 'CASH Music', heading: 'Free and open tools for musicians', opening: 'CASH Music is a nonprofit building free, open source tools that help musicians and labels sell music, run mailing lists and share their work directly with fans.' }, CASINO_PAGE, `cashmusic/platform#1328 (2024-10-18: "cashmusic.org takes me to some casino site … not a music selling website"), read ${READ}`),
  takenOver('http2pro-gambling', 'https://http2.pro/', { title: 'HTTP/2 Test - Check HTTP/2 support', heading: 'HTTP/2 Test', opening: 'Check whether a server supports HTTP/2, ALPN and server push, and whether your browser speaks HTTP/2. Free API for developers.' }, SLOT_PAGE, `ripienaar/free-for-dev#3823 (2025-08-22: "The domain has been taken by another person to host a gambling site"), read ${READ}`),
  takenOver('csstyle-casino', 'http://www.csstyle.io/', { title: 'csstyle', heading: 'csstyle', opening: 'csstyle is a modern approach for crafting beautifully maintainable stylesheets: components, options, parts and tweaks, written in Sass or PostCSS.' }, CASINO_PAGE, `csstyle-org/csstyle#7 (2018-11-01: "Removed site link as it is a casino ad site now"), read ${READ}`),
  takenOver('mdn-repurposed-gambling', 'http://www.html5rocks.example/tutorials/canvas/', { title: 'Canvas tutorial: drawing shapes and paths', heading: 'Drawing with the canvas element', opening: 'The canvas element gives scripts a bitmap to draw on: rectangles, paths, arcs, text and images, redrawn on every animation frame.' }, SLOT_PAGE, `mdn/content#18955 (2022-07-30: a linked domain "has been repurposed to gambling site"; the then side is a representative canvas tutorial, the host is reserved), read ${READ}`),
  {
    id: 'deeplearning-course-parked',
    url: 'http://deeplearning-course.com/lectures/1',
    then: { title: 'Lecture 1: Introduction – Deep Learning Course', heading: 'Lecture 1: Introduction', opening: 'In this first lecture we look at what deep learning is, how neural networks learn from data, and what the assignments of this course will ask you to build.' },
    now: { title: 'deeplearning-course.com - This domain may be for sale!', heading: '', opening: 'This domain may be for sale! deeplearning-course.com. Related searches: online courses, machine learning training.' },
    changed: true,
    source: `Sedo lander shape cited in test/diagnose/real-shapes/shapes.ts (intrigueio/intrigue-ident parked signs), read ${READ}`,
  },
  {
    id: 'learnml-hugedomains',
    url: 'http://learnml-today.com/courses/ml-101',
    then: { title: 'ML 101: Linear models | Learn ML Today', heading: 'ML 101: Linear models', opening: 'Our first course builds a linear regression from scratch in Python, then fits a logistic classifier to the iris data set.' },
    now: forSale('learnml-today.com', 'HugeDomains'),
    changed: true,
    source: `HugeDomains sale page shape cited in test/diagnose/real-shapes/shapes.ts (funilrys/PyFunceble#255: ".com is for sale"), read ${READ}`,
  },
  {
    id: 'makerspace-dan',
    url: 'http://makerspace-notes.com/projects/robot-arm',
    then: { title: 'Building a robot arm – Makerspace Notes', heading: 'Building a robot arm', opening: 'Six servos, a laser-cut acrylic frame and an Arduino: the parts list, the wiring and the first program that moves the arm.' },
    now: forSale('makerspace-notes.com', 'Dan.com'),
    changed: true,
    source: `Dan.com sale page shape ("Buy and Sell Domain Names | Dan.com") cited in test/diagnose/real-shapes/shapes.ts (cadeyrn/bookmarks-organizer#130), read ${READ}`,
  },
  {
    id: 'workshop-notes-registered',
    url: 'http://workshop-notes.org/2014/01/workshop.html',
    then: { title: 'Workshop notes: testing legacy code', heading: 'Testing legacy code', opening: 'Notes from the January workshop on getting untested code under test: seams, characterisation tests and small safe refactorings.' },
    now: { title: 'Parked Domain', heading: 'workshop-notes.org', opening: 'This domain was recently registered at a domain registrar. The domain owner may currently be creating a great site.' },
    changed: true,
    source: `registrar placeholder shape cited in test/diagnose/real-shapes/shapes.ts (cadeyrn/bookmarks-organizer#130 parked titles), read ${READ}`,
  },
  {
    id: 'typescript-handbook-moved',
    url: 'https://github.com/microsoft/TypeScript-Handbook',
    then: {
      title: 'GitHub - microsoft/TypeScript-Handbook: The TypeScript Handbook is a comprehensive guide to the TypeScript language',
      heading: 'TypeScript-Handbook',
      opening: 'The TypeScript Handbook is a comprehensive guide to the TypeScript language. It is meant to be read online at the TypeScript website or directly from this repository. How to contribute.',
    },
    now: {
      title: 'GitHub - microsoft/TypeScript-Handbook: The TypeScript Handbook is a comprehensive guide to the TypeScript language',
      heading: 'TypeScript-Handbook Repo Deprecated',
      opening: 'The handbook has moved into the new TypeScript website repo, you can find the revised and updated handbook pages in /packages/documentation in that repo.',
    },
    changed: true,
    source: `microsoft/TypeScript-Handbook README.md (stored versions before and after the deprecation notice), read ${READ}`,
  },
  {
    id: 'streamwall-repository-moved',
    url: 'https://github.com/streamwall/streamwall-docker',
    then: { title: 'GitHub - streamwall/streamwall-docker: Run Streamwall in Docker', heading: 'streamwall-docker', opening: 'Docker setup for Streamwall: compose files, environment variables and the commands to run the stream wall on a server.' },
    now: { title: 'GitHub - streamwall/streamwall-docker', heading: 'Repository Moved', opening: 'This repository has been moved to a new location under the Streamwall organization. New repository location: github.com/streamwall/streamwall-suite.' },
    changed: true,
    source: `a README "⚠️ Repository Moved … This repository has been moved to … streamwall-suite" (code search, README.md), read ${READ}; the then side is the repository before the notice, described from the notice`,
  },
  {
    id: 'plantuml-mcp-moved',
    url: 'https://github.com/antoniolago/plantuml-mcp-server',
    then: { title: 'GitHub - antoniolago/plantuml-mcp-server: MCP server for PlantUML diagrams', heading: 'plantuml-mcp-server', opening: 'An MCP server that renders PlantUML diagrams: generate sequence, class and component diagrams from text and return their images to the assistant.' },
    now: { title: 'GitHub - antoniolago/plantuml-mcp-server', heading: 'Repository Moved', opening: 'This repository has been moved to the Infobip organization: github.com/infobip/plantuml-mcp-server. Issues and PRs: please create new ones in the Infobip repo.' },
    changed: true,
    source: `a README "🚚 Repository Moved … moved to the Infobip organization" (code search, README.md), read ${READ}; the owner in the URL is representative`,
  },
  {
    id: 'bevy-brp-mcp-moved',
    url: 'https://github.com/natepiano/bevy_brp_mcp',
    then: { title: 'GitHub - natepiano/bevy_brp_mcp: MCP server for the Bevy Remote Protocol', heading: 'bevy_brp_mcp', opening: 'An MCP server that lets coding assistants inspect and control running Bevy games through the Bevy Remote Protocol: query entities, spawn, mutate components.' },
    now: { title: 'GitHub - natepiano/bevy_brp_mcp', heading: 'ARCHIVED - This repository has been moved!', opening: 'This repository is archived and no longer maintained. Development has moved to the unified workspace at github.com/natepiano/bevy_brp.' },
    changed: true,
    source: `a README "⚠️ ARCHIVED - This repository has been moved! … Development has moved to the unified workspace" (code search), read ${READ}`,
  },
  {
    id: 'proxmox-stuff-migrated',
    url: 'https://github.com/risse-it/proxmox-stuff',
    then: { title: 'GitHub - risse-it/proxmox-stuff: Scripts for Proxmox VE', heading: 'proxmox-stuff', opening: 'Helper scripts for Proxmox VE hosts: backups of containers, cluster notes and templates for new virtual machines.' },
    now: { title: 'GitHub - risse-it/proxmox-stuff', heading: 'Repository Migrated to Forgejo', opening: 'This repository has been permanently moved to our self-hosted Forgejo instance. All releases are now available there.' },
    changed: true,
    source: `a README "🚀 Repository Migrated to Forgejo … permanently moved to our self-hosted Forgejo instance" (code search), read ${READ}; the owner in the URL is representative`,
  },
  takenOver('playprosperity-squatted', 'http://playprosperity.ca/', { title: 'Prosperity - a browser game', heading: 'Prosperity', opening: 'Build a settlement, gather resources and trade with your neighbours in this free incremental browser game.' }, SLOT_PAGE, `nroutasuo/level13#308 (2024-05-18: "domain squatted … doesn't link to the game anymore"; the now side in the shape such domains serve), read ${READ}`),

  // --- The same page ----------------------------------------------------------------------------------------
  {
    id: 'react-tagline-changed',
    url: 'https://react.dev/',
    then: {
      title: 'React - A JavaScript library for building user interfaces',
      heading: 'React',
      opening: 'A JavaScript library for building user interfaces. Declarative: design simple views for each state in your application. Component-based: build encapsulated components that manage their own state.',
    },
    now: {
      title: 'React',
      heading: 'The library for web and native user interfaces',
      opening: 'Create user interfaces from components. React lets you build user interfaces out of individual pieces called components. Write components with code and markup. Add interactivity wherever you need it.',
    },
    changed: false,
    source: `jinhojang6/dev-notes React.md (the reactjs.org title and taglines) and eranilkapoor/Interview React/index.js (react.dev's text), read ${READ}`,
  },
  {
    id: 'keras-docs-renamed',
    url: 'https://keras.io/',
    then: {
      title: 'Home - Keras Documentation',
      heading: 'Keras: The Python Deep Learning library',
      opening: 'You have just found Keras. Keras is a high-level neural networks API, written in Python and capable of running on top of TensorFlow, CNTK, or Theano. It was developed with a focus on enabling fast experimentation.',
    },
    now: {
      title: 'Keras: Deep Learning for humans',
      heading: 'Keras 3: Deep Learning for Humans',
      opening: 'Keras 3 is a multi-backend deep learning framework, with support for JAX, TensorFlow, and PyTorch. Effortlessly build and train models for computer vision, natural language processing, audio processing and timeseries forecasting.',
    },
    changed: false,
    source: `keras-team/keras docs/mkdocs.yml (site_name "Keras Documentation", "the Python Deep Learning library") and the Keras 3 README ("Keras 3: Deep Learning for Humans"), read ${READ}`,
  },
  {
    id: 'cs231n-renamed',
    url: 'http://cs231n.stanford.edu/',
    then: {
      title: 'Stanford University CS231n: Convolutional Neural Networks for Visual Recognition',
      heading: 'CS231n: Convolutional Neural Networks for Visual Recognition',
      opening: 'Computer vision has become ubiquitous: image understanding, mapping, medicine, drones and self-driving cars. This course is a deep dive into deep learning architectures for visual recognition tasks such as image classification, with assignments that implement neural networks and convolutional networks.',
    },
    now: {
      title: 'Stanford University CS231n: Deep Learning for Computer Vision',
      heading: 'CS231n: Deep Learning for Computer Vision',
      opening: 'Computer vision has become ubiquitous in our society: image understanding, mapping, medicine, drones and self-driving cars. This course is a deep dive into deep learning architectures for visual recognition tasks such as image classification, detection and segmentation; students implement and train neural networks.',
    },
    changed: false,
    source: `the course under both names: volodenkov.com ("CS231n: Convolutional Neural Networks for Visual Recognition"), myaibuddy.blog and auto-driving-wiki ("CS231n: Deep Learning for Computer Vision"), read ${READ}`,
  },
  {
    id: 'wikipedia-ml-en-de',
    url: 'https://www.example-encyclopedia.org/wiki/Machine_learning',
    then: {
      title: 'Machine learning – Wikipedia',
      heading: 'Machine learning',
      opening:
        'Machine learning is a generic term for the artificial generation of knowledge from experience: an artificial system learns from examples and can generalize these after the end of the learning phase. To do this, the algorithms build a statistical model that is based on training data, and the system can then assess unknown data.',
    },
    now: {
      title: 'Maschinelles Lernen – Wikipedia',
      heading: 'Maschinelles Lernen',
      opening:
        'Maschinelles Lernen ist ein Oberbegriff für die künstliche Generierung von Wissen aus Erfahrung: Ein künstliches System lernt aus Beispielen und kann diese nach Beendigung der Lernphase verallgemeinern. Dazu bauen Algorithmen ein statistisches Modell auf, das auf Trainingsdaten beruht, und das System kann auch unbekannte Daten beurteilen.',
    },
    changed: false,
    source: `risknet.de glossary (the German article's lead) and mintpole.com (its English rendering), read ${READ}; a site that now serves the page in another language`,
  },
  {
    id: 'typescript-handbook-readme-then',
    url: 'https://github.com/microsoft/TypeScript-Handbook',
    then: {
      title: 'GitHub - Microsoft/TypeScript-Handbook: The TypeScript Handbook is a comprehensive guide to the TypeScript language',
      heading: 'TypeScript-Handbook',
      opening: 'The TypeScript Handbook is a comprehensive guide to the TypeScript language. It is meant to be read online at typescriptlang.org or directly from this repository. Please see the latest TypeScript Language Specification for more details.',
    },
    now: {
      title: 'GitHub - microsoft/TypeScript-Handbook: The TypeScript Handbook is a comprehensive guide to the TypeScript language',
      heading: 'TypeScript-Handbook',
      opening: 'The TypeScript Handbook is a comprehensive guide to the TypeScript language. It is meant to be read online at the TypeScript website or directly from this repository. For a more formal description of the language, see the latest TypeScript Language Specification.',
    },
    changed: false,
    source: `two stored versions of microsoft/TypeScript-Handbook README.md before the deprecation (owner casing changed), read ${READ}`,
  },
  {
    id: 'keras-team-readme',
    url: 'https://github.com/keras-team/keras',
    then: {
      title: 'GitHub - keras-team/keras: Deep Learning for humans',
      heading: 'Keras 3: A new multi-backend Keras',
      opening: 'Keras 3 is a new multi-backend implementation of the Keras API, with support for TensorFlow, JAX, and PyTorch. Installation: Keras 3 is available as a preview release on PyPI named keras-core.',
    },
    now: {
      title: 'GitHub - keras-team/keras: Deep Learning for humans',
      heading: 'Keras 3: Deep Learning for Humans',
      opening: 'Keras 3 is a multi-backend deep learning framework, with support for JAX, TensorFlow, PyTorch, and OpenVINO (for inference-only). Effortlessly build and train models for computer vision, natural language processing, audio processing.',
    },
    changed: false,
    source: `keras-team/keras README headings in stored versions ("Keras 3: A new multi-backend Keras", "Keras 3: Deep Learning for Humans"), read ${READ}`,
  },
  {
    id: 'jpylyzer-repo-moved-post',
    url: 'https://jpylyzer.openpreservation.org/2014/11/20/New-location-of-source-repository',
    then: { title: 'New location of source repository | jpylyzer', heading: 'New location of source repository', opening: 'As of today, the source repository of jpylyzer has moved to a new location: github.com/openpreserve/jpylyzer. The reason behind this change is the name change of the Open Planets Foundation.' },
    now: { title: 'New location of source repository – jpylyzer', heading: 'New location of source repository', opening: 'As of today, the source repository of jpylyzer has moved to a new location: github.com/openpreserve/jpylyzer. The reason is the name change of the Open Planets Foundation into the Open Preservation Foundation.' },
    changed: false,
    source: `openpreserve/jpylyzer _posts/2014-11-20-New-location-of-source-repository.md (a post that was always about a move: not a new notice), read ${READ}`,
  },
  {
    id: 'libcloud-svn-moved-post',
    url: 'https://libcloud.apache.org/blog/2012/05/05/website-and-code-svn-repository-moved.html',
    then: { title: 'SVN repositories moved, mailing lists addresses changed', heading: 'SVN repositories moved, mailing lists addresses changed', opening: 'Due to recent graduation, all the SVN repositories have been moved and the mailing list addresses have also been changed. New addresses can be found below.' },
    now: { title: 'SVN repositories moved, mailing lists addresses changed | Apache Libcloud', heading: 'SVN repositories moved, mailing lists addresses changed', opening: 'Hello all, due to recent graduation (woho!), all the SVN repositories have been moved and the mailing list addresses have also been changed.' },
    changed: false,
    source: `apache/libcloud-site source/_posts/2012-05-05-website-and-code-svn-repository-moved.md, read ${READ}`,
  },
  {
    id: 'tasktools-news-moved',
    url: 'https://taskwarrior.org/news/news.20170402.html',
    then: { title: 'Taskwarrior - Code Repositories Moved', heading: 'Code Repositories Moved', opening: 'The code repositories have been relocated to our new Gitea server. Gitea is a community managed fork of Gogs, lightweight code hosting.' },
    now: { title: 'Code Repositories Moved | Taskwarrior', heading: 'Code Repositories Moved 2017-04-02', opening: 'The code repositories have been relocated to our new Gitea server. Gitea is a community managed fork of Gogs, lightweight code hosting written in Go.' },
    changed: false,
    source: `svijee/tw_hugo content/news/news.20170402.md (site moved to Hugo: the title format and date changed), read ${READ}`,
  },
  {
    id: 'coursera-ml-same-course-suffix',
    url: 'https://www.coursera.org/learn/machine-learning',
    then: {
      title: 'Machine Learning | Coursera',
      heading: 'Machine Learning',
      opening: 'Machine learning is the science of getting computers to act without being explicitly programmed. In the past decade, machine learning has given us self-driving cars, practical speech recognition and effective web search.',
    },
    now: {
      title: 'Machine Learning - Stanford University | Coursera',
      heading: 'Machine Learning',
      opening: 'About this course: Machine learning is the science of getting computers to act without being explicitly programmed. In the past decade, machine learning has given us self-driving cars, practical speech recognition, effective web search.',
    },
    changed: false,
    source: `nvidia/Nemotron-CC-Math-v1 crawls of the course page ("Machine Learning", "Machine Learning at Stanford University", "About this course"), read ${READ}`,
  },
  {
    id: 'ml-specialization-redesign',
    url: 'https://www.coursera.org/learn/machine-learning',
    then: {
      title: 'Supervised Machine Learning: Regression and Classification | Coursera',
      heading: 'Supervised Machine Learning: Regression and Classification',
      opening: 'In the first course of the Machine Learning Specialization, you will build machine learning models in Python using popular machine learning libraries NumPy and scikit-learn, and train supervised models for prediction and binary classification.',
    },
    now: {
      title: 'Supervised Machine Learning: Regression and Classification - DeepLearning.AI',
      heading: 'Supervised Machine Learning: Regression and Classification',
      opening: 'This course is part of the Machine Learning Specialization, created in collaboration between DeepLearning.AI and Stanford Online. What you will learn: build machine learning models in Python using NumPy and scikit-learn; linear regression and logistic regression.',
    },
    changed: false,
    source: `nvidia/Nemotron-CC-Math-v1 crawls of the course page in two layouts ("About the Course", "Course Overview … What You Will Learn"), read ${READ}`,
  },
  {
    id: 'keras-docs-index-separator',
    url: 'https://keras.io/',
    then: { title: 'Home - Keras Documentation', heading: 'Keras: The Python Deep Learning library', opening: 'You have just found Keras. Keras is a high-level neural networks API, written in Python and capable of running on top of TensorFlow, CNTK, or Theano.' },
    now: { title: 'Keras Documentation', heading: 'Keras: The Python Deep Learning library', opening: 'You have just found Keras. Keras is a high-level neural networks API, written in Python and capable of running on top of TensorFlow, CNTK, or Theano. Use Keras if you need a deep learning library that allows easy and fast prototyping.' },
    changed: false,
    source: `keras-team/keras docs (mkdocs site_name "Keras Documentation", index page), read ${READ}`,
  },
  {
    id: 'dl4j-keras-import',
    url: 'https://deeplearning4j.konduit.ai/keras-import/overview',
    then: { title: 'Keras Model Import - Deeplearning4j', heading: 'DL4J Keras model-import documentation', opening: 'Keras model import lets you load models trained in Keras into Deeplearning4j: sequential and functional models, weights and configuration.' },
    now: { title: 'Overview | Deeplearning4j', heading: 'Keras Model Import', opening: 'Keras model import provides routines for importing neural network models originally configured and trained using Keras into Deeplearning4j: sequential and functional models, weights and configuration.' },
    changed: false,
    source: `deeplearning4j/deeplearning4j docs/keras-import/README.md ("DL4J Keras model-import documentation"), read ${READ}; docs site moved platforms, same page`,
  },
  {
    id: 'react-site-separator',
    url: 'https://legacy.reactjs.org/',
    then: { title: 'React - A JavaScript library for building user interfaces', heading: 'React', opening: 'A JavaScript library for building user interfaces. Declarative views make your code more predictable and easier to debug. Component-based: build encapsulated components that manage their own state.' },
    now: { title: 'React – A JavaScript library for building user interfaces', heading: 'React', opening: 'A JavaScript library for building user interfaces. Declarative: React makes it painless to create interactive UIs. Component-Based: build encapsulated components that manage their own state, then compose them.' },
    changed: false,
    source: `jinhojang6/dev-notes React.md (reactjs.org title with a hyphen) and a stored front matter "React - A JavaScript library for building user interfaces", read ${READ}`,
  },
  {
    id: 'nodejs-title-tagline',
    url: 'https://nodejs.org/en',
    then: { title: 'Node.js', heading: 'Node.js', opening: 'Node.js is a JavaScript runtime built on Chrome\'s V8 JavaScript engine. It uses an event-driven, non-blocking I/O model that makes it lightweight and efficient.' },
    now: { title: 'Node.js — Run JavaScript Everywhere', heading: 'Run JavaScript Everywhere', opening: 'Node.js is a free, open-source, cross-platform JavaScript runtime environment that lets developers create servers, web apps, command line tools and scripts, built on the V8 JavaScript engine.' },
    changed: false,
    source: `descriptions of nodejs.org in code search (ASanchz85/SSG-MD-Node "JavaScript everywhere", coding-jojo "JavaScript runtime built on Chrome's V8"), read ${READ}`,
  },
  {
    id: 'goreportcard-about',
    url: 'https://goreportcard.com/about',
    then: { title: 'Go Report Card | Go project code quality report cards', heading: 'About Go Report Card', opening: 'Go Report Card was initially developed during Gopher Gala 2015. It gives Go projects a report card for gofmt, go vet, gocyclo, golint and license checks.' },
    now: { title: 'About - Go Report Card', heading: 'About Go Report Card', opening: 'Go Report Card was initially developed during Gopher Gala 2015. It is free and open source: it runs gofmt, go vet, gocyclo, ineffassign and misspell on your project.' },
    changed: false,
    source: `gojp/goreportcard#449 (the About section that links Gopher Gala 2015), read ${READ}`,
  },
  {
    id: 'nodejs-blog-npm-outage',
    url: 'https://nodejs.org/en/blog/npm/2013-outage-postmortem',
    then: { title: '2013 Outage Postmortem | Node.js', heading: '2013 outage postmortem', opening: 'The npm registry went down for several hours. This is what happened, what we learnt, and how you can help us scale npm.' },
    now: { title: 'Node.js — 2013 outage postmortem', heading: '2013 outage postmortem', opening: 'The npm registry went down for several hours. Here is what happened, what we learnt, and how we plan to scale the registry.' },
    changed: false,
    source: `nodejs/nodejs.org#8553 (the blog post under nodejs.org/en/blog/npm/2013-outage-postmortem), read ${READ}`,
  },
  {
    id: 'free-for-dev-readme',
    url: 'https://github.com/ripienaar/free-for-dev',
    then: { title: 'GitHub - ripienaar/free-for-dev: A list of SaaS, PaaS and IaaS offerings that have free tiers of interest to devops and infradev', heading: 'free-for-dev', opening: 'Developers and open source authors now have a massive amount of services offering free tiers, but it can be hard to find them all to make informed decisions.' },
    now: { title: 'GitHub - ripienaar/free-for-dev: A list of SaaS, PaaS and IaaS offerings that have free tiers of interest to devops and infradev', heading: 'free-for-dev', opening: 'Developers and Open Source authors now have numerous services offering free tiers, but finding them all takes time to make informed decisions. This is a list of software and services that have a free tier.' },
    changed: false,
    source: `ripienaar/free-for-dev#3823 (the list whose entries are reviewed), read ${READ}`,
  },
  {
    id: 'voxeljs-same-page',
    url: 'http://voxeljs.com/',
    then: { title: 'voxel.js', heading: 'voxel.js', opening: 'voxel.js is a collection of projects that make it easier than ever to create 3D voxel games like Minecraft all in the browser. Here is a presentation from May 2013 that covers all the exciting stuff that happened in voxel.js land up to that point.' },
    now: { title: 'voxel.js', heading: 'voxel.js', opening: 'voxel.js is a collection of projects that make it easier than ever to create 3D voxel games like Minecraft all in the browser. Here is a presentation from May 2013 that covers all the exciting stuff that happened in voxel.js land up judi bola online to that point.' },
    changed: false,
    source: `voxel/voxeljs-site#16 (2019-04-22: the same page with spam links slipped in; about the same thing, so not content-changed), read ${READ}`,
  },
  {
    id: 'jpylyzer-home-url',
    url: 'http://jpylyzer.openpreservation.org/',
    then: { title: 'jpylyzer by openplanets', heading: 'jpylyzer', opening: 'JP2 (JPEG 2000 Part 1) validator and properties extractor. Jpylyzer validates a JP2 image against the format specification and reports its technical characteristics.' },
    now: { title: 'jpylyzer', heading: 'jpylyzer', opening: 'JP2 (JPEG 2000 Part 1) validator and properties extractor. Jpylyzer validates that a JP2 image really conforms to the format specification, and reports the technical characteristics of each image.' },
    changed: false,
    source: `openpreserve/jpylyzer _posts (the project page after the Open Planets → Open Preservation rename), read ${READ}`,
  },
  {
    id: 'cs231n-notes-lecture',
    url: 'https://cs231n.github.io/linear-classify/',
    then: { title: 'CS231n Convolutional Neural Networks for Visual Recognition', heading: 'Linear Classification', opening: 'Interpreting a linear classifier: it computes the score of a class as a weighted sum of all its pixel values across all color channels. Each row of W is a template for one of the classes: template matching. The bias trick.' },
    now: { title: 'CS231n Deep Learning for Computer Vision', heading: 'Linear Classification', opening: 'Interpreting a linear classifier: the score of a class is a weighted sum of all its pixel values across all 3 color channels. Each row of W is a template for one of the classes; the bias trick; image data preprocessing.' },
    changed: false,
    source: `nvidia/Nemotron-CC-Math-v1 (the CS231n notes "Interpreting a Linear Classifier", "Bias Trick") and the course rename above, read ${READ}`,
  },
  {
    id: 'crkublik-blog-redesign',
    url: 'http://richard.crkublik.com/blog/index.php/2017/08/',
    then: { title: 'August 2017 – Richard Crkublik', heading: 'Review: Machine Learning by Stanford University on Coursera', opening: 'I recently completed the Machine Learning by Stanford University course taught by Dr. Andrew Ng, and offered through Coursera. Previously I had taken several courses from DataCamp.' },
    now: { title: 'Review: Machine Learning by Stanford University on Coursera | Richard Crkublik', heading: 'Review: Machine Learning by Stanford University on Coursera', opening: 'I recently completed the Machine Learning by Stanford University course taught by Dr. Andrew Ng, offered through Coursera. Previously I had taken several courses from DataCamp, and while I found them valuable I still did not feel I understood the material.' },
    changed: false,
    source: `richard.crkublik.com/blog/index.php/2017/08/ (the post as crawled; an archive page titled by date), read ${READ}`,
  },
  {
    id: 'xscholarship-review-year',
    url: 'https://xscholarship.com/review-of-machine-learning-online-course-by-stanford-university-on-coursera/',
    then: { title: 'Review of Machine Learning Online Course by Stanford University on Coursera (2019)', heading: 'Review of Machine Learning Online Course by Stanford University on Coursera', opening: 'With over 2.6 million enrolled as of November 2019 and an average rating of 4.9/5, this is one of the most popular MOOCs for data science, thanks to Andrew Ng.' },
    now: { title: 'Review of Machine Learning Online Course by Stanford University on Coursera [2024 Update] - XScholarship', heading: 'Review of Machine Learning Online Course by Stanford University on Coursera', opening: 'With over 2.6 million enrolled (as of November 2019) and a current average user rating of 4.9/5, this is one of the most popular Massive Open Online Courses for data science, thanks to Andrew Ng.' },
    changed: false,
    source: `xscholarship.com review (the year in the title changes with updates), read ${READ}`,
  },
  {
    id: 'mintpole-ml-en',
    url: 'https://www.mintpole.com/?p=776',
    then: { title: 'Artificial Intelligence – Mintpole', heading: 'Artificial Intelligence', opening: 'Machine learning is a generic term for the artificial generation of knowledge from experience: an artificial system learns from examples and can generalize these after the end of the learning phase.' },
    now: { title: 'Artificial Intelligence | MINTPOLE', heading: 'Artificial Intelligence', opening: 'Machine learning is a generic term for the artificial generation of knowledge from experience. An artificial system learns from examples and can generalize them after the learning phase; algorithms build a statistical model based on training data.' },
    changed: false,
    source: `mintpole.com/?p=776, read ${READ} (site name casing and separator changed)`,
  },
  {
    id: 'risknet-glossary-de-en',
    url: 'https://risknet.de/en/knowledge/glossary/glossary-entry/machine-learning',
    then: { title: 'Machine Learning - RiskNET', heading: 'Machine Learning', opening: 'Machine learning is a generic term for the artificial generation of knowledge from experience: an artificial system learns from examples and can generalise them once the learning phase is over. Algorithms build a statistical model that is based on training data, and the system can judge unknown data.' },
    now: { title: 'Machine Learning – RiskNET – The Risk Management Network', heading: 'Machine Learning', opening: 'Machine Learning (Maschinelles Lernen) ist ein Oberbegriff für die künstliche Generierung von Wissen aus Erfahrung: Ein künstliches System lernt aus Beispielen und kann diese nach Beendigung der Lernphase verallgemeinern. Dazu bauen Algorithmen ein statistisches Modell auf, das auf Trainingsdaten beruht.' },
    changed: false,
    source: `risknet.de/en/…/machine-learning (an /en/ address that serves the German text), read ${READ}`,
  },
  {
    id: 'deepai-glossary',
    url: 'https://deepai.org/machine-learning-glossary-and-terms/keras',
    then: { title: 'Keras Definition | DeepAI', heading: 'What is Keras?', opening: 'Keras is an open-source library of neural network components written in Python. Keras is capable of running atop TensorFlow, Theano, PlaidML and others.' },
    now: { title: 'Keras Definition | DeepAI', heading: 'Keras', opening: 'What is Keras? Keras is an open-source library of neural network components written in Python, capable of running atop TensorFlow, Theano, PlaidML and others. The principal author of Keras is Francois Chollet.' },
    changed: false,
    source: `deepai.org/machine-learning-glossary-and-terms/keras, read ${READ}`,
  },
  {
    id: 'nvidia-blog-keras-gpus',
    url: 'https://developer.nvidia.com/scaling-keras-model-training-multiple-gpus-0',
    then: { title: 'Scaling Keras Model Training to Multiple GPUs | NVIDIA Developer Blog', heading: 'Scaling Keras Model Training to Multiple GPUs', opening: 'Keras is a powerful deep learning meta-framework which sits on top of existing frameworks such as TensorFlow and Theano. Keras is highly productive for developers.' },
    now: { title: 'Scaling Keras Model Training to Multiple GPUs | NVIDIA Technical Blog', heading: 'Scaling Keras Model Training to Multiple GPUs', opening: 'Keras is a powerful deep learning meta-framework which sits on top of existing frameworks such as TensorFlow and Theano. Keras is highly productive for developers; it often requires 50% less code to define a model.' },
    changed: false,
    source: `developer.nvidia.com/scaling-keras-model-training-multiple-gpus-0 the page as read ${READ}; the then side carries the blog's earlier name in the title suffix (a site-name change, modelled)`,
  },
];
