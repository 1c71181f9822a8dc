// Fills the fixture's message times relative to now, as each webmail shows them:
// <span data-ago="2" data-fmt="hm" data-attr="title"> (minutes ago; format; attribute, else text).
(function () {
  var pad = function (n) { return (n < 10 ? '0' : '') + n; };
  var h12 = function (d) { var h = d.getHours() % 12 || 12; return h + ':' + pad(d.getMinutes()) + ' ' + (d.getHours() < 12 ? 'AM' : 'PM'); };
  var days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var fmt = {
    hm: h12,
    hm24: function (d) { return d.getHours() + ':' + pad(d.getMinutes()); },
    gmail: function (d) { return days[d.getDay()] + ', ' + months[d.getMonth()] + ' ' + d.getDate() + ', ' + d.getFullYear() + ', ' + h12(d); },
    outlook: function (d) { return days[d.getDay()] + ' ' + (d.getMonth() + 1) + '/' + d.getDate() + '/' + d.getFullYear() + ' ' + h12(d); },
    ja: function (d) { return d.getFullYear() + '/' + pad(d.getMonth() + 1) + '/' + pad(d.getDate()) + ' ' + d.getHours() + ':' + pad(d.getMinutes()); },
    iso: function (d) { return d.toISOString(); },
    rel: function (d) { var m = Math.round((Date.now() - d.getTime()) / 60000); return m + ' minutes ago'; },
  };
  var els = document.querySelectorAll('[data-ago]');
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    var d = new Date(Date.now() - Number(el.getAttribute('data-ago')) * 60000);
    var v = fmt[el.getAttribute('data-fmt') || 'hm'](d);
    var attr = el.getAttribute('data-attr');
    if (attr) el.setAttribute(attr, v); else el.textContent = v;
  }
})();
