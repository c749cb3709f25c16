// `npm start` serves the built site: http://127.0.0.1:4321/ (PORT and BASE_PATH are honoured).
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

const root = process.env.OUT_DIR ?? 'dist';
if (!existsSync(`${root}/index.html`)) {
  console.error(`No built site in ${root}/. Run \`npm run build\` first (npm start does both).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const { url } = await startStaticServer({ root, base: process.env.BASE_PATH ?? '/', port }).catch((error) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use. Choose another: PORT=8080 npm start`
      : `Could not start the server: ${error.message}`,
  );
  process.exit(1);
});
console.log(`\nThe guide is being served at ${url}\nOpen it in your browser; press Ctrl+C to stop.\n`);
