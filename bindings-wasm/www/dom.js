// The two DOM helpers every script of the page uses.

/** The element of id `id`. */
export const $ = (id) => document.getElementById(id);

/** A new `tag` element, with its text and class when given. */
export function cell(tag, text, className) {
  const c = document.createElement(tag);
  if (text !== undefined) c.textContent = text;
  if (className) c.className = className;
  return c;
}
