// electron-builder configuration for `npm run dist`: installers for the machine it runs on
// (AppImage and deb on Linux, dmg on macOS, NSIS on Windows). See README "Installers".
// better-sqlite3 is rebuilt for Electron's ABI by build/electron-native.mjs before this runs,
// into dist/electron-native/; node_modules keeps the Node build that tests and the CLI use.

/** Renderer-only packages: Vite has bundled them into dist/renderer, so the app needs no copy. */
const bundledIntoRenderer = ['monaco-editor', 'react', 'react-dom', 'scheduler', '@xyflow', 'elkjs', 'marked', 'zustand', 'use-sync-external-store', 'd3-*', 'classcat'];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'dev.pipewright.app',
  productName: 'Pipewright',
  copyright: 'Copyright © Pipewright contributors',
  directories: { output: 'release', buildResources: 'build/resources' },
  files: [
    'package.json',
    'dist/electron/**',
    'dist/electron-native/better_sqlite3.node',
    'dist/renderer/**',
    'dist/node/**',
    'pipelines/*.pipeline.json',
    'pipelines/data/**',
    '!**/*.map',
    ...bundledIntoRenderer.map((name) => `!node_modules/${name}/**`),
    // The Node-ABI build and the sources; Electron loads dist/electron-native's instead.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  // Native code cannot be loaded from inside an asar archive.
  asar: true,
  asarUnpack: ['**/*.node', 'node_modules/@duckdb/node-bindings-*/**'],
  // Never rebuild node_modules in place: that would leave it on Electron's ABI for the tests and the CLI.
  npmRebuild: false,
  nodeGypRebuild: false,
  // The packaged app works offline: nothing is fetched at run time.
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The renderer is loaded from file:// as ES modules with Monaco's workers beside it; those need file:'s privileges.
    grantFileProtocolExtraPrivileges: true,
  },
  fileAssociations: [
    { ext: 'pipeline.json', name: 'Pipewright pipeline', description: 'Pipewright pipeline', mimeType: 'application/x-pipewright-pipeline+json', role: 'Editor' },
    { ext: 'pipewright.json', name: 'Pipewright pipeline file', description: 'Pipewright pipeline', mimeType: 'application/x-pipewright+json', role: 'Editor' },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/resources/icon.png',
    maintainer: 'Pipewright contributors <pipewright@users.noreply.github.com>',
    synopsis: 'Build data pipelines visually and run them locally',
  },
  deb: { depends: ['libsecret-1-0'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.developer-tools',
    icon: 'build/resources/icon.png',
    hardenedRuntime: true,
  },
  dmg: { title: 'Pipewright ${version}' },
  win: { target: ['nsis'], icon: 'build/resources/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
};

export default config;
