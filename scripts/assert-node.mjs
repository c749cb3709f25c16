// Astro 7 needs Node >= 22.12. The project pins Node 22 as the `node` devDependency, whose
// binary npm puts first on PATH inside every `npm run` script. If the install skipped that
// package's install script (`--ignore-scripts`), we would silently run the system Node instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This project needs Node >= 22.12 but is running ${process.version}.\n` +
      'Run it through npm (npm start, npm test, npm run build): the pinned Node 22 in\n' +
      'node_modules/.bin is used there. If you installed with --ignore-scripts, run\n' +
      '`npm rebuild node` to fetch it.',
  );
  process.exit(1);
}
