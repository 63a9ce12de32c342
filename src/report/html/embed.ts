/**
 * A value as a JSON data block: `<script type="application/json">` is never executed, and with every
 * `<` written as `\u003c` (still the same JSON) no text inside can close the element or open a comment.
 */
export function embedJson(where: { id: string } | { className: string }, value: unknown): string {
  const attr = 'id' in where ? `id="${where.id}"` : `class="${where.className}"`;
  return `<script type="application/json" ${attr}>${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;
}
