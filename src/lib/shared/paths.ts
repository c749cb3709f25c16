/** A site path ('/tools/ports/') under the base path ('/vpn-guide/' -> '/vpn-guide/tools/ports/'). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
