(function () {
  'use strict';
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button.pat'));
  var status = document.getElementById('status');
  var current = null;

  function ids(s) {
    return s ? s.split(' ').filter(function (x) { return /^i[0-9]+$/.test(x); }) : [];
  }

  function clear() {
    var marked = document.querySelectorAll('tr[data-hl]');
    for (var i = 0; i < marked.length; i++) {
      marked[i].removeAttribute('data-hl');
    }
    if (current) {
      current.setAttribute('aria-expanded', 'false');
      document.getElementById(current.getAttribute('aria-controls')).hidden = true;
    }
    current = null;
    document.body.removeAttribute('data-selected');
  }

  function mark(list, kind) {
    list.forEach(function (id) {
      var rows = document.querySelectorAll('tr[data-item="' + id + '"]');
      for (var i = 0; i < rows.length; i++) {
        if (kind === 'write' || rows[i].getAttribute('data-hl') !== 'write') {
          rows[i].setAttribute('data-hl', kind);
        }
      }
    });
  }

  function select(b) {
    if (current === b) {
      clear();
      status.textContent = 'Selection cleared';
      return;
    }
    clear();
    current = b;
    b.setAttribute('aria-expanded', 'true');
    document.getElementById(b.getAttribute('aria-controls')).hidden = false;
    var reads = ids(b.getAttribute('data-reads'));
    var writes = ids(b.getAttribute('data-writes'));
    mark(reads, 'read');
    mark(writes, 'write');
    document.body.setAttribute('data-selected', '');
    var view = b.getAttribute('data-view') ? document.getElementById(b.getAttribute('data-view')) : null;
    var first = view ? view.querySelector('tr[data-hl]') : null;
    var target = first || view;
    if (target && target.scrollIntoView) {
      target.scrollIntoView({ block: 'center' });
    }
    status.textContent = b.getAttribute('data-label') + ': ' + reads.length + ' item(s) read, ' + writes.length + ' written';
  }

  buttons.forEach(function (b, i) {
    b.addEventListener('click', function () { select(b); });
    b.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        var next = buttons[i + (e.key === 'ArrowDown' ? 1 : -1)];
        if (next) {
          next.focus();
        }
        e.preventDefault();
      }
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && current) {
      var b = current;
      clear();
      b.focus();
      status.textContent = 'Selection cleared';
    }
  });
})();
