// Package termtext makes untrusted text safe to print on a terminal or in
// a log line: file names and report texts come from anywhere, and an ESC,
// CR or BiDi control among them would move the cursor, rewrite what was
// printed before or colour the rest of the screen.
package termtext
