/**
 * Escapes text for HTML/SVG element content and attribute values.
 * @example escapeXml('C&F <b>') //=> 'C&amp;F &lt;b&gt;'
 */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
