/**
 * Statement text as the bookkeeper wants to see it: banks pad names to fixed widths, wrap purposes over lines and
 * sometimes leave control characters in; none of that carries meaning.
 */

// C0/C1 controls and the bidirectional overrides that can make a name display as something it is not.
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Trims, turns every run of whitespace (spaces, tabs, line breaks, NBSP) into one space, drops control characters. */
export function collapseText(text: string): string {
  return text.replace(invisible, '').replace(/\s+/g, ' ').trim();
}
