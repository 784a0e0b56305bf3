// LTS Admin's single page: views by location.hash, data from the REST API, live parts over
// server-sent events. Text always goes in through textContent, never as HTML.
(function () {
  'use strict';
  var session = null;
  var streams = [];
  var view = document.getElementById('view');
  var QUEUES = ['executable', 'executing', 'cron', 'repeat', 'suspended'];

  // ---- small helpers
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; }
      else if (k === 'on') { Object.keys(attrs.on).forEach(function (e) { node.addEventListener(e, attrs.on[e]); }); }
      else if (attrs[k] !== null && attrs[k] !== undefined) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return node;
  }
  function table(headers, rows, id) {
    return el('table', { id: id }, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: t(h) }); }))]),
      el('tbody', {}, rows)
    ]);
  }
  function when(ms) {
    if (ms === null || ms === undefined || ms === '') { return ''; }
    var d = new Date(ms);
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
  }
  function say(text, ok) {
    var m = document.getElementById('message');
    m.textContent = text || '';
    m.className = ok ? 'message ok' : 'message';
  }
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') { headers['X-CSRF-Token'] = session ? session.csrfToken : ''; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.status === 401) { location.href = '/login.html'; throw new Error('login'); }
        return response.json().then(function (json) {
          if (!response.ok) { throw new Error(json.error || response.statusText); }
          return json;
        });
      });
  }
  function failed(e) { if (e.message !== 'login') { say(e.message); } }
  function stream(path, handlers) {
    var source = new EventSource(path);
    Object.keys(handlers).forEach(function (name) {
      source.addEventListener(name, function (event) { handlers[name](JSON.parse(event.data)); });
    });
    streams.push(source);
    return source;
  }
  function canChange() { return session && session.role === 'admin'; }
  function button(label, action, cls) {
    return el('button', { type: 'button', 'class': cls || 'small', 'data-action': label, text: t(label), on: { click: action } });
  }

  // ---- views
  function overview() {
    view.appendChild(el('h2', { text: t('overview') }));
    api('GET', '/api/overview').then(function (o) {
      var cards = el('div', { 'class': 'cards' });
      var problems = el('ul', { id: 'problems' });
      o.problems.forEach(function (p) { problems.appendChild(el('li', { 'class': 'problem', text: p.message })); });
      if (!o.problems.length) { problems.appendChild(el('li', { 'class': 'muted', text: t('noProblems') })); }
      cards.appendChild(el('div', { 'class': 'card' }, [el('h3', { text: t('problems') }), problems]));
      var nodeRows = [];
      Object.keys(o.nodes).forEach(function (type) {
        Object.keys(o.nodes[type]).forEach(function (group) {
          nodeRows.push(el('tr', {}, [el('td', { text: type }), el('td', { text: group }), el('td', { 'class': 'num', text: String(o.nodes[type][group]) })]));
        });
      });
      cards.appendChild(el('div', { 'class': 'card' }, [el('h3', { text: t('nodesPerGroup') }), table(['type', 'group', 'count'], nodeRows, 'node-counts')]));
      var groups = {};
      QUEUES.forEach(function (q) { Object.keys(o.queues[q] || {}).forEach(function (g) { groups[g] = true; }); });
      Object.keys(o.feedback).forEach(function (g) { groups[g] = true; });
      var depthRows = Object.keys(groups).sort().map(function (g) {
        return el('tr', {}, [el('td', { text: g })].concat(QUEUES.map(function (q) {
          return el('td', { 'class': 'num', text: String((o.queues[q] || {})[g] || 0) });
        })).concat([el('td', { 'class': 'num', text: String(o.feedback[g] || 0) })]));
      });
      cards.appendChild(el('div', { 'class': 'card wide' }, [el('h3', { text: t('queueDepths') }),
        table(['group'].concat(QUEUES).concat(['feedback']), depthRows, 'queue-depths')]));
      var tp = o.throughput;
      var tpRows = Object.keys(tp.completedByGroup).sort().map(function (g) {
        return el('tr', {}, [el('td', { text: g }), el('td', { 'class': 'num', text: String(tp.completedByGroup[g]) }),
          el('td', { 'class': 'num' + (tp.failedByGroup[g] ? ' problem' : ''), text: String(tp.failedByGroup[g] || 0) })]);
      });
      cards.appendChild(el('div', { 'class': 'card', id: 'throughput' }, [
        el('h3', { text: t('throughput').replace('{n}', tp.windowMinutes) }),
        el('p', {}, [el('strong', { id: 'jobs-per-second', text: String(tp.jobsPerSecond) }), ' ' + t('jobsPerSecond')]),
        table(['group', 'completed', 'failed'], tpRows, 'throughput-groups')]));
      view.appendChild(cards);
      view.appendChild(el('p', {}, [el('a', { href: '/api/openapi.json', text: t('openapi') })]));
    }).catch(failed);
  }

  function nodeRow(n) {
    return el('tr', { id: 'node-' + n.identity, 'data-type': n.nodeType }, [
      el('td', { text: n.nodeType }), el('td', { text: n.group || '' }),
      el('td', {}, [el('span', { text: n.identity }), el('span', { 'class': 'master', text: t('master') })]),
      el('td', { text: n.ip + (n.port ? ':' + n.port : '') }), el('td', { text: n.hostName || '' }),
      el('td', { 'class': 'num', text: String(n.threads) }), el('td', { text: when(n.createTime) }), el('td', { text: n.version || '' })
    ]);
  }
  function nodes() {
    view.appendChild(el('h2', { text: t('nodes') }));
    view.appendChild(el('p', { 'class': 'muted' }, [el('span', { 'class': 'live' }), t('live') + '. ' + t('mastersNote') + '.']));
    var body = el('tbody', { id: 'node-rows' });
    view.appendChild(el('table', { id: 'nodes' }, [
      el('thead', {}, [el('tr', {}, ['type', 'group', 'identity', 'address', 'host', 'threads', 'started', 'version'].map(function (h) { return el('th', { text: t(h) }); }))]),
      body]));
    var masters = {};
    function markMasters() {
      body.querySelectorAll('tr').forEach(function (row) { row.classList.remove('is-master'); });
      Object.keys(masters).forEach(function (key) {
        var row = document.getElementById('node-' + masters[key]);
        if (row) { row.classList.add('is-master'); }
      });
    }
    function put(n) {
      var old = document.getElementById('node-' + n.identity);
      if (old) { old.remove(); }
      body.appendChild(nodeRow(n));
      markMasters();
    }
    stream('/api/nodes/stream', {
      snapshot: function (list) { body.textContent = ''; list.forEach(put); },
      added: put,
      removed: function (n) { var row = document.getElementById('node-' + n.identity); if (row) { row.remove(); } },
      masters: function (m) { masters = m; markMasters(); }
    });
  }

  function toMillis(value) { return value ? String(new Date(value).getTime()) : ''; }

  function queue(name) {
    if (QUEUES.indexOf(name) < 0) { say('No queue ' + name); return; }
    view.appendChild(el('h2', { text: t(name) }));
    var form = el('form', { 'class': 'filters', id: 'filters' }, [
      el('label', {}, [t('taskId'), el('input', { name: 'taskId', id: 'filter-taskId', maxlength: '64' })]),
      el('label', {}, [t('group'), el('input', { name: 'group', id: 'filter-group', maxlength: '64' })]),
      el('label', {}, [t('submitGroup'), el('input', { name: 'submitGroup', maxlength: '64' })]),
      el('label', {}, [t('from'), el('input', { name: 'from', type: 'datetime-local' })]),
      el('label', {}, [t('to'), el('input', { name: 'to', type: 'datetime-local' })]),
      el('button', { type: 'submit', 'class': 'primary', id: 'search', text: t('search') })
    ]);
    view.appendChild(form);
    var holder = el('div', { id: 'queue-table' });
    view.appendChild(holder);
    var pager = el('div', { 'class': 'toolbar' });
    view.appendChild(pager);
    function load(cursor) {
      var q = new URLSearchParams();
      ['taskId', 'group', 'submitGroup'].forEach(function (k) { if (form[k].value.trim()) { q.set(k, form[k].value.trim()); } });
      if (form.from.value) { q.set('from', toMillis(form.from.value)); }
      if (form.to.value) { q.set('to', toMillis(form.to.value)); }
      if (cursor) { q.set('cursor', cursor); }
      api('GET', '/api/queues/' + name + '?' + q.toString()).then(function (page) {
        say('');
        holder.textContent = '';
        var rows = page.items.map(function (j) { return jobRow(j, function () { load(cursor); }); });
        if (!rows.length) { rows = [el('tr', {}, [el('td', { colspan: '8', 'class': 'muted', text: t('noRows') })])]; }
        holder.appendChild(table(['jobId', 'taskId', 'group', 'state', 'triggerTime', 'schedule', 'priority', 'actions'], rows, 'jobs'));
        pager.textContent = '';
        if (cursor) { pager.appendChild(button('firstPage', function () { load(null); }, '')); }
        if (page.nextCursor) { pager.appendChild(button('nextPage', function () { load(page.nextCursor); }, '')); }
      }).catch(failed);
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); load(null); });
    load(null);
  }

  function jobActions(j, after) {
    var cell = el('td', { 'class': 'actions' });
    if (!canChange()) { return cell; }
    function op(path, method) {
      return function () {
        if (method === 'DELETE' && !confirm(t('confirmDelete'))) { return; }
        if (path === '/terminate' && !confirm(t('confirmTerminate'))) { return; }
        api(method || 'POST', '/api/jobs/' + encodeURIComponent(j.jobId) + path)
          .then(function (r) { say(r.message, true); after(); }).catch(failed);
      };
    }
    if (j.state === 'SUSPENDED') { cell.appendChild(button('resume', op('/resume'))); }
    if (j.state === 'EXECUTABLE' || j.state === 'SCHEDULED') {
      cell.appendChild(button('suspend', op('/suspend')));
      cell.appendChild(button('trigger', op('/trigger')));
    }
    if (j.state === 'EXECUTING') { cell.appendChild(button('terminate', op('/terminate'), 'small danger')); }
    if (j.state !== 'EXECUTING') {
      cell.appendChild(el('button', { type: 'button', 'class': 'small', 'data-action': 'edit', text: t('edit'),
        on: { click: function () { location.hash = '#edit/' + encodeURIComponent(j.jobId); } } }));
      cell.appendChild(button('delete', op('', 'DELETE'), 'small danger'));
    }
    return cell;
  }
  function scheduleText(j) {
    if (j.cronExpression) { return j.cronExpression; }
    if (j.repeatInterval) { return (j.repeatCount < 0 ? '∞' : j.repeatCount) + ' × ' + j.repeatInterval + ' ms'; }
    return j.jobType;
  }
  function jobRow(j, after) {
    return el('tr', { 'data-task-id': j.taskId }, [
      el('td', {}, [el('a', { href: '#job/' + encodeURIComponent(j.jobId), text: j.jobId })]),
      el('td', { text: j.taskId }), el('td', { text: j.taskTrackerNodeGroup }),
      el('td', {}, [el('span', { 'class': 'state ' + j.state, text: j.state })]),
      el('td', { text: when(j.triggerTime) }), el('td', { text: scheduleText(j) }),
      el('td', { 'class': 'num', text: String(j.priority) }), jobActions(j, after)
    ]);
  }

  function job(jobId) {
    view.appendChild(el('h2', { text: t('job') + ' ' + jobId }));
    var fields = el('div', { id: 'job-fields' });
    view.appendChild(fields);
    var SHOWN = ['state', 'taskId', 'taskTrackerNodeGroup', 'jobType', 'triggerTime', 'cronExpression',
      'repeatCount', 'repeatInterval', 'priority', 'maxRetryTimes', 'retryTimes', 'attempt', 'repeatedCount',
      'taskTrackerIdentity', 'leaseDeadline', 'submitNodeGroup', 'relyOnPrevCycle', 'misfirePolicy',
      'scheduleJobId', 'params', 'version', 'createdTime', 'modifiedTime'];
    function loadFields() {
      api('GET', '/api/jobs/' + encodeURIComponent(jobId)).then(function (j) {
        fields.textContent = '';
        var grid = el('dl', { 'class': 'fields' });
        SHOWN.forEach(function (k) {
          var v = j[k];
          if (v === null || v === undefined || v === '' || (k === 'repeatCount' && v === 0)) { return; }
          if (typeof v === 'object') { v = JSON.stringify(v); }
          if (/Time$|Deadline$/.test(k) && typeof v === 'number') { v = when(v); }
          grid.appendChild(el('div', {}, [el('dt', { text: k }), el('dd', { text: String(v), id: 'field-' + k })]));
        });
        fields.appendChild(grid);
        var actions = jobActions(j, loadFields);
        fields.appendChild(el('div', { 'class': 'toolbar', id: 'job-actions' }, Array.prototype.slice.call(actions.childNodes)));
      }).catch(function () {
        fields.textContent = '';
        fields.appendChild(el('p', { 'class': 'muted', id: 'job-gone', text: t('jobGone') }));
      });
    }
    loadFields();
    view.appendChild(el('h3', {}, [t('log') + ' ', el('span', { 'class': 'live' }), el('span', { 'class': 'muted', text: t('tail') })]));
    var body = el('tbody', { id: 'log-rows' });
    view.appendChild(el('table', { id: 'log' }, [
      el('thead', {}, [el('tr', {}, ['time', 'event', 'level', 'attempt', 'node', 'message'].map(function (h) { return el('th', { text: t(h) }); }))]),
      body]));
    function line(l) {
      if (l.type !== 'BIZ') { loadFields(); }
      body.appendChild(el('tr', { 'class': 'level-' + l.level, 'data-type': l.type }, [
        el('td', { text: when(l.logTime) }), el('td', { text: l.type }), el('td', { text: l.level }),
        el('td', { 'class': 'num', text: String(l.attempt) }), el('td', { text: l.taskTrackerIdentity || '' }),
        el('td', { 'class': 'msg', text: l.msg || '' })]));
    }
    function page(cursor) {
      var q = cursor ? '?cursor=' + encodeURIComponent(cursor) : '';
      api('GET', '/api/jobs/' + encodeURIComponent(jobId) + '/logs' + q).then(function (p) {
        p.items.forEach(line);
        if (p.nextCursor) { page(p.nextCursor); return; }
        var after = p.lastCursor ? '?cursor=' + encodeURIComponent(p.lastCursor) : '';
        stream('/api/jobs/' + encodeURIComponent(jobId) + '/logs/stream' + after, { line: line });
      }).catch(failed);
    }
    page(null);
  }

  function jobForm(existing) {
    var f = existing || { priority: 100, maxRetryTimes: 0, repeatCount: 0, misfirePolicy: 'FIRE_ONCE_NOW' };
    var kind = f.cronExpression ? 'CRON' : (f.repeatInterval ? 'REPEAT' : (existing && f.jobType === 'TRIGGER_TIME' ? 'TRIGGER_TIME' : 'REAL_TIME'));
    view.appendChild(el('h2', { text: existing ? t('edit') + ' ' + f.taskId : t('addJob') }));
    function input(name, label, value, attrs) {
      var a = Object.assign({ name: name, id: 'job-' + name }, attrs || {});
      var i = el('input', a);
      if (value !== undefined && value !== null) { i.value = value; }
      return el('label', {}, [t(label), i]);
    }
    var localTrigger = '';
    if (f.triggerTime && kind === 'TRIGGER_TIME') {
      var d = new Date(f.triggerTime - new Date().getTimezoneOffset() * 60000);
      localTrigger = d.toISOString().substring(0, 16);
    }
    var kindSelect = el('select', { name: 'kind', id: 'job-kind' }, [
      el('option', { value: 'REAL_TIME', text: t('realTime') }), el('option', { value: 'TRIGGER_TIME', text: t('triggerAt') }),
      el('option', { value: 'CRON', text: 'Cron' }), el('option', { value: 'REPEAT', text: 'Repeat' })]);
    kindSelect.value = kind;
    if (existing) { kindSelect.disabled = true; }
    var form = el('form', { 'class': 'grid', id: 'job-form' }, [
      input('taskId', 'taskId', f.taskId, existing ? { readonly: 'readonly' } : { required: 'required', maxlength: '64' }),
      input('taskTrackerNodeGroup', 'group', f.taskTrackerNodeGroup, existing ? { readonly: 'readonly' } : { required: 'required', maxlength: '64' }),
      el('label', {}, [t('jobType'), kindSelect]),
      input('triggerTime', 'triggerTime', localTrigger, { type: 'datetime-local' }),
      input('cronExpression', 'cronExpression', f.cronExpression, { placeholder: '0 0/1 * * * ?', maxlength: '128' }),
      input('repeatCount', 'repeatCount', f.repeatCount, { type: 'number', min: '-1' }),
      input('repeatInterval', 'repeatInterval', f.repeatInterval, { type: 'number', min: '1' }),
      input('priority', 'priority', f.priority, { type: 'number' }),
      input('maxRetryTimes', 'maxRetryTimes', f.maxRetryTimes, { type: 'number', min: '0' }),
      el('label', {}, [t('misfirePolicy'), (function () {
        var s = el('select', { name: 'misfirePolicy' }, [el('option', { value: 'FIRE_ONCE_NOW', text: 'FIRE_ONCE_NOW' }), el('option', { value: 'SKIP', text: 'SKIP' })]);
        s.value = f.misfirePolicy || 'FIRE_ONCE_NOW'; return s; })()]),
      el('label', {}, [t('relyOnPrevCycle'), (function () {
        var c = el('input', { type: 'checkbox', name: 'relyOnPrevCycle' }); c.checked = !!f.relyOnPrevCycle; return c; })()]),
      el('label', { 'class': 'wide' }, [t('params'), (function () {
        var a = el('textarea', { name: 'params', rows: '3' }); a.value = f.params ? JSON.stringify(f.params) : ''; return a; })()]),
      el('div', { 'class': 'wide' }, [el('button', { type: 'submit', 'class': 'primary', id: 'job-save', text: t(existing ? 'save' : 'add') })])
    ]);
    view.appendChild(form);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var k = kindSelect.value;
      var body = {
        taskId: form.taskId.value, taskTrackerNodeGroup: form.taskTrackerNodeGroup.value,
        priority: form.priority.value, maxRetryTimes: form.maxRetryTimes.value,
        misfirePolicy: form.misfirePolicy.value, relyOnPrevCycle: form.relyOnPrevCycle.checked
      };
      if (k === 'TRIGGER_TIME') { body.triggerTime = toMillis(form.triggerTime.value); }
      if (k === 'CRON') { body.cronExpression = form.cronExpression.value; }
      if (k === 'REPEAT') { body.repeatCount = form.repeatCount.value; body.repeatInterval = form.repeatInterval.value; }
      if (form.params.value.trim()) {
        try { body.params = JSON.parse(form.params.value); } catch (err) { say('params: ' + err.message); return; }
      }
      var call = existing
        ? api('PUT', '/api/jobs/' + encodeURIComponent(existing.jobId), Object.assign(body, { expectedVersion: existing.version }))
        : api('POST', '/api/jobs', body);
      call.then(function (r) {
        say(r.message, true);
        if (r.jobId) { location.hash = '#job/' + encodeURIComponent(r.jobId); }
      }).catch(failed);
    });
  }

  function feedback() {
    view.appendChild(el('h2', { text: t('feedback') }));
    api('GET', '/api/feedback').then(function (f) {
      var rows = Object.keys(f.counts).map(function (g) { return el('tr', {}, [el('td', { text: g }), el('td', { 'class': 'num', text: String(f.counts[g]) })]); });
      view.appendChild(table(['jobClientGroup', 'count'], rows, 'feedback'));
    }).catch(failed);
  }

  function deadLetters() {
    view.appendChild(el('h2', { text: t('deadLetters') }));
    view.appendChild(el('p', { 'class': 'muted', text: t('deadLettersNote') }));
    var form = el('form', { 'class': 'filters', id: 'dead-filters' }, [
      el('label', {}, [t('taskId'), el('input', { name: 'taskId', id: 'dead-filter-taskId', maxlength: '64' })]),
      el('label', {}, [t('group'), el('input', { name: 'group', maxlength: '64' })]),
      el('button', { type: 'submit', 'class': 'primary', id: 'dead-search', text: t('search') })
    ]);
    view.appendChild(form);
    var holder = el('div', { id: 'dead-table' });
    view.appendChild(holder);
    var pager = el('div', { 'class': 'toolbar' });
    view.appendChild(pager);
    function load(cursor) {
      var q = new URLSearchParams();
      ['taskId', 'group'].forEach(function (k) { if (form[k].value.trim()) { q.set(k, form[k].value.trim()); } });
      if (cursor) { q.set('cursor', cursor); }
      api('GET', '/api/dead-jobs?' + q.toString()).then(function (page) {
        holder.textContent = '';
        var rows = page.items.map(function (d) {
          var actions = el('td', { 'class': 'actions' });
          if (canChange()) {
            actions.appendChild(button('retry', function () {
              api('POST', '/api/dead-jobs/' + encodeURIComponent(d.jobId) + '/retry').then(function (r) { say(r.message, true); load(cursor); }).catch(failed);
            }));
            actions.appendChild(button('delete', function () {
              if (!confirm(t('confirmDelete'))) { return; }
              api('DELETE', '/api/dead-jobs/' + encodeURIComponent(d.jobId)).then(function (r) { say(r.message, true); load(cursor); }).catch(failed);
            }, 'small danger'));
          }
          return el('tr', { 'data-task-id': d.taskId }, [
            el('td', {}, [el('a', { href: '#job/' + encodeURIComponent(d.jobId), text: d.jobId })]),
            el('td', { text: d.taskId }), el('td', { text: d.taskTrackerNodeGroup }),
            el('td', { text: d.action }), el('td', { 'class': 'msg', text: (d.msg || '').split('\n')[0] }),
            el('td', { 'class': 'num', text: String(d.retryTimes) }), el('td', { text: when(d.deadTime) }), actions]);
        });
        holder.appendChild(table(['jobId', 'taskId', 'group', 'action', 'message', 'retries', 'deadTime', 'actions'], rows, 'dead-jobs'));
        pager.textContent = '';
        if (cursor) { pager.appendChild(button('firstPage', function () { load(null); }, '')); }
        if (page.nextCursor) { pager.appendChild(button('nextPage', function () { load(page.nextCursor); }, '')); }
      }).catch(failed);
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); load(null); });
    load(null);
  }

  function alertRules() {
    view.appendChild(el('h2', { text: t('alertRules') }));
    view.appendChild(el('p', { 'class': 'muted', text: t('alertRulesNote') }));
    var holder = el('div', { id: 'alert-rules' });
    view.appendChild(holder);
    function load() {
      api('GET', '/api/alert-rules').then(function (r) {
        holder.textContent = '';
        var rows = r.rules.map(function (rule) {
          var input = el('input', { name: rule.name, 'data-rule': rule.name, value: rule.value === null ? '' : rule.value,
            placeholder: t('configured'), maxlength: '64' });
          var actions = el('td', { 'class': 'actions' });
          if (canChange()) {
            actions.appendChild(button('save', function () {
              api('PUT', '/api/alert-rules/' + encodeURIComponent(rule.name), { value: input.value })
                .then(function (x) { say(x.message, true); load(); }).catch(failed);
            }));
            actions.appendChild(button('reset', function () {
              api('DELETE', '/api/alert-rules/' + encodeURIComponent(rule.name))
                .then(function (x) { say(x.message, true); load(); }).catch(failed);
            }, 'small'));
          } else {
            input.setAttribute('disabled', 'disabled');
          }
          return el('tr', { 'data-rule': rule.name }, [
            el('td', {}, [el('code', { text: rule.name }), el('div', { 'class': 'muted', text: rule.description })]),
            el('td', { text: rule.defaultValue }), el('td', {}, [input]),
            el('td', { text: rule.modifiedBy ? rule.modifiedBy + ', ' + when(rule.modified) : '' }), actions]);
        });
        holder.appendChild(table(['rule', 'default', 'stored', 'changed', 'actions'], rows, 'alert-rule-table'));
      }).catch(failed);
    }
    load();
  }

  function groups() {
    view.appendChild(el('h2', { text: t('nodeGroups') }));
    var holder = el('div', { id: 'groups' });
    var form = el('form', { 'class': 'filters change', id: 'group-form' }, [
      el('label', {}, [t('type'), el('select', { name: 'nodeType' }, [el('option', { value: 'TASK_TRACKER', text: 'TASK_TRACKER' }), el('option', { value: 'JOB_CLIENT', text: 'JOB_CLIENT' })])]),
      el('label', {}, [t('name'), el('input', { name: 'name', id: 'group-name', maxlength: '64', required: 'required' })]),
      el('button', { type: 'submit', 'class': 'primary', text: t('add') })]);
    if (canChange()) { view.appendChild(form); }
    view.appendChild(holder);
    function load() {
      api('GET', '/api/node-groups').then(function (g) {
        holder.textContent = '';
        Object.keys(g).forEach(function (type) {
          holder.appendChild(el('h3', { text: type }));
          holder.appendChild(table(['name', 'created', 'actions'], g[type].map(function (x) {
            var cell = el('td');
            if (canChange()) {
              cell.appendChild(button('delete', function () {
                if (!confirm(t('confirmGroup'))) { return; }
                api('DELETE', '/api/node-groups/' + type + '/' + encodeURIComponent(x.name)).then(function (r) { say(r.message, true); load(); }).catch(failed);
              }, 'small danger'));
            }
            return el('tr', {}, [el('td', { text: x.name }), el('td', { text: when(x.createdTime) }), cell]);
          }), 'groups-' + type));
        });
      }).catch(failed);
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/node-groups', { nodeType: form.nodeType.value, name: form.name.value })
        .then(function (r) { say(r.message, true); form.name.value = ''; load(); }).catch(failed);
    });
    load();
  }

  function charts() {
    view.appendChild(el('h2', { text: t('charts') }));
    var select = el('select', { id: 'chart-node' });
    view.appendChild(el('div', { 'class': 'toolbar' }, [el('label', {}, [t('chooseNode') + ' ', select])]));
    var holder = el('div', { id: 'charts' });
    view.appendChild(holder);
    function draw() {
      holder.textContent = '';
      if (!select.value) { return; }
      api('GET', '/api/stats?identity=' + encodeURIComponent(select.value)).then(function (s) {
        if (!s.items.length) { holder.appendChild(el('p', { 'class': 'muted', text: t('noStats') })); return; }
        var names = {};
        s.items.forEach(function (m) { Object.keys(m.values).forEach(function (k) { names[k] = true; }); });
        var xs = s.items.map(function (m) { return m.minute / 1000; });
        Object.keys(names).sort().forEach(function (name) {
          var box = el('div', { 'class': 'chart' });
          holder.appendChild(box);
          var ys = s.items.map(function (m) { return m.values[name] === undefined ? null : m.values[name]; });
          new uPlot({ title: name, width: 420, height: 200, series: [{}, { label: name, stroke: '#2f5687', width: 2 }] }, [xs, ys], box);
        });
      }).catch(failed);
    }
    api('GET', '/api/nodes').then(function (n) {
      n.items.forEach(function (node) { select.appendChild(el('option', { value: node.identity, text: node.nodeType + ' ' + node.identity })); });
      draw();
    }).catch(failed);
    select.addEventListener('change', draw);
  }

  // Admins only (the nav link is hidden from viewers, the API refuses them): recent changes.
  function audit() {
    view.appendChild(el('h2', { text: t('audit') }));
    var form = el('form', { 'class': 'filters', id: 'audit-filter' }, [
      el('label', {}, [t('user'), el('input', { name: 'user', size: '14' })]),
      el('label', {}, [t('action'), el('input', { name: 'action', size: '16' })]),
      el('button', { type: 'submit', 'class': 'primary', text: t('search') })
    ]);
    var holder = el('div');
    view.appendChild(form);
    view.appendChild(el('p', { 'class': 'muted', text: t('auditNote') }));
    view.appendChild(holder);
    function load() {
      var q = new URLSearchParams({ limit: '200' });
      ['user', 'action'].forEach(function (k) { if (form[k].value.trim()) { q.set(k, form[k].value.trim()); } });
      api('GET', '/api/audit?' + q.toString()).then(function (a) {
        holder.textContent = '';
        holder.appendChild(table(['time', 'user', 'address', 'action', 'target', 'status', 'message'], a.items.map(function (e) {
          var target = Object.keys(e.target).sort().map(function (k) { return k + '=' + e.target[k]; }).join(' ');
          return el('tr', { 'class': 'outcome-' + e.outcome }, [el('td', { text: when(e.time) }), el('td', { text: e.user }),
            el('td', { text: e.address }), el('td', { text: e.action }), el('td', { 'class': 'msg', text: target }),
            el('td', { text: e.status + ' ' + e.outcome }), el('td', { text: e.message })]);
        }), 'audit-entries'));
      }).catch(failed);
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
    load();
  }

  // ---- routing
  function route() {
    streams.forEach(function (s) { s.close(); });
    streams = [];
    view.textContent = '';
    say('');
    var hash = location.hash.replace(/^#/, '') || 'overview';
    var parts = hash.split('/');
    var name = parts[0];
    var arg = parts.length > 1 ? decodeURIComponent(parts.slice(1).join('/')) : null;
    document.querySelectorAll('#nav a').forEach(function (a) { a.classList.toggle('active', a.getAttribute('href') === '#' + hash); });
    if (name === 'audit') { audit(); return; }
    if (name === 'nodes') { nodes(); }
    else if (name === 'queue') { queue(arg); }
    else if (name === 'job') { job(arg); }
    else if (name === 'add') { jobForm(null); }
    else if (name === 'edit') { api('GET', '/api/jobs/' + encodeURIComponent(arg)).then(function (j) { jobForm(j); }).catch(failed); }
    else if (name === 'feedback') { feedback(); }
    else if (name === 'dead') { deadLetters(); }
    else if (name === 'alerts') { alertRules(); }
    else if (name === 'groups') { groups(); }
    else if (name === 'charts') { charts(); }
    else { overview(); }
  }

  translatePage();
  api('GET', '/api/session').then(function (s) {
    session = s;
    document.getElementById('who').textContent = s.user + ' (' + s.role + ')';
    document.body.classList.toggle('viewer', s.role !== 'admin');
    window.addEventListener('hashchange', route);
    route();
  }).catch(failed);
  document.getElementById('logout').addEventListener('click', function () {
    api('POST', '/api/logout').then(function () { location.href = '/login.html'; }).catch(failed);
  });
})();
