// Building blocks for the issue-13 fixture pages (tests/site/autofill/corpus/pages.mjs): the
// page shell with its <meta name="tessera-expect">, and small scripts that behave like the
// widgets they stand for (one-box-per-digit groups that auto-advance and spread a multi-digit
// value, component libraries that aggregate into a hidden input, plain fields). Each page gets
// only the script it uses, inlined: the pages are static, with no network and no CDN.

/** A one-box-per-digit controller, as OTP components write them: state array → boxes (controlled). */
export const GROUP_JS = `
function otpGroup(boxes, o) {
  o = o || {};
  var n = boxes.length, state = boxes.map(function () { return ''; }), active = 0;
  var keep = o.alnum ? /[^0-9a-z]/gi : /\\D/g;
  function render() { boxes.forEach(function (b, i) { if (b.value !== state[i]) b.value = state[i]; }); }
  function changed() {
    var v = state.join('');
    if (o.hidden) o.hidden.value = v;
    if (o.onChange) o.onChange(v);
  }
  function spread(i, text) {
    var d = String(text).replace(keep, '');
    for (var k = 0; k < d.length && i + k < n; k++) state[i + k] = d[k];
    render();
    var next = Math.min(i + d.length, n - 1);
    if (o.advance !== false) boxes[next].focus();
    changed();
  }
  boxes.forEach(function (b, i) {
    b.addEventListener('focus', function () { active = i; });
    b.addEventListener('input', function () {
      var at = o.byFocus ? active : i;
      var v = b.value.replace(keep, '');
      if (v.length > 1 && o.spread !== false) return spread(at, v);
      state[at] = v.slice(-1);
      render();
      if (state[at] && boxes[at + 1] && o.advance !== false) boxes[at + 1].focus();
      changed();
    });
    if (o.paste !== false) b.addEventListener('paste', function (e) {
      e.preventDefault();
      spread(o.pasteFromStart ? 0 : i, (e.clipboardData || window.clipboardData).getData('text'));
    });
    b.addEventListener('keydown', function (e) {
      if (e.key === 'Backspace' && !b.value && boxes[i - 1]) boxes[i - 1].focus();
    });
  });
  return state;
}
function showWhenComplete(n, re) {
  re = re || /^\\d+$/;
  return function (v) { document.getElementById('result').textContent = v.length === n && re.test(v) ? v : ''; };
}
`;

/** A single field whose page accepts `n` digits (shown in #result). */
export const SINGLE_JS = `
function acceptSingle(input, n, out) {
  var check = function () {
    var v = input.value.replace(/[\\s-]/g, '');
    (out || document.getElementById('result')).textContent = new RegExp('^\\\\d{' + n + '}$').test(v) ? v : '';
  };
  input.addEventListener('input', check);
  input.addEventListener('change', check);
}
`;

/** Negative pages: anything written into any field shows up in #result (it must stay empty). */
export const WATCH_JS = `
document.addEventListener('input', function (e) { document.getElementById('result').textContent = e.target.value; }, true);
document.addEventListener('change', function (e) { document.getElementById('result').textContent = e.target.value; }, true);
`;

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;');

/** The whole page: shell, meta expectation, body, the result line, and the scripts. */
export function page(p) {
  const lang = p.lang ?? 'en';
  const scripts = [...new Set(p.uses ?? [])].join('\n') + (p.js ?? '');
  const resultLine = p.noResult ? '' : `<p class="test-only">${p.expect.field === null ? 'Filled by someone' : 'Accepted'}: <output id="result"></output></p>\n`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${esc(p.title)}</title>
<meta name="tessera-expect" content='${attr(JSON.stringify(p.expect))}'>
${p.head ?? ''}</head>
<body>
${p.body.trim()}
${resultLine}<script>
${scripts}
</script>
</body>
</html>
`;
}

/** n copies of a box, `f(i)` giving its attributes. */
export const boxes = (n, f) => Array.from({ length: n }, (_, i) => `<input ${f(i)}>`).join('\n    ');

export const BOX_CSS = '<style>.row{display:flex;gap:8px}.row input{width:40px;height:48px;text-align:center;font-size:22px}</style>\n';
