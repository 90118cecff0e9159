'use strict';
// The bureau's console: plain DOM over the platform's own API, signed in with a bearer token kept in
// sessionStorage. Every value from the server is written with textContent, never as HTML.
(function () {
  const TOKEN = 'gongji.token';
  const PAGES = ['regions', 'rules', 'calculator', 'filing', 'simulations'];
  const LEVELS = { TERTIARY: '三级', SECONDARY: '二级', PRIMARY: '一级及基层', PHARMACY: '定点药店' };
  const CATEGORIES = { EMPLOYED: '在职', RETIRED: '退休' };
  const BENEFITS = { GENERAL_OUTPATIENT: '普通门诊', CHRONIC_OUTPATIENT: '门诊慢特病', INPATIENT: '住院' };
  const STATUS = { CONFORMS: ['符合', 'ok'], VIOLATES: ['违反', 'bad'], NOT_CHECKED: ['未校验', 'warn'] };
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function row(cells, cls) {
    const tr = el('tr', null, cls);
    cells.forEach((c) => {
      const td = c instanceof Node ? wrap(c) : el('td', c);
      tr.appendChild(td);
    });
    return tr;
  }
  function wrap(node) { const td = el('td'); td.appendChild(node); return td; }
  function money(v) { return v === undefined || v === null ? '' : Number(v).toFixed(2); }
  function moneyCell(v) { return el('td', money(v), 'money'); }
  function badge(status) {
    const [text, cls] = STATUS[status] || [status || '', 'warn'];
    return el('span', text, 'badge ' + cls);
  }
  function today() {
    // China's date, whatever zone the browser is in
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }

  async function api(method, path, body, headers) {
    const h = Object.assign({ Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), Accept: 'application/json' }, headers || {});
    let payload = body;
    if (body !== undefined && typeof body !== 'string') {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers: h, body: payload });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (response.status === 401) signOut('令牌无效、已过期或已撤销，请重新登录。');
    if (!response.ok) {
      const detail = json && (json.detail || json.title) ? (json.detail || json.title) : response.statusText;
      throw new Error((json && json.code ? json.code + '：' : '') + detail);
    }
    return { status: response.status, headers: response.headers, json };
  }

  // --- sign-in and navigation ---
  function signOut(message) {
    sessionStorage.removeItem(TOKEN);
    $('sign-in-error').textContent = message || '';
    show();
  }
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    try {
      await api('GET', '/api/v1/regions');
      $('token').value = '';
      $('sign-in-error').textContent = '';
      if (!location.hash || location.hash === '#sign-in') location.hash = '#regions';
      show();
    } catch (err) {
      sessionStorage.removeItem(TOKEN);
      $('sign-in-error').textContent = '登录失败：' + err.message;
    }
  });
  $('sign-out').addEventListener('click', () => signOut(''));
  window.addEventListener('hashchange', show);

  function show() {
    const signedIn = !!sessionStorage.getItem(TOKEN);
    const page = signedIn ? (PAGES.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'regions') : 'sign-in';
    $('nav').hidden = !signedIn;
    document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== 'page-' + page; });
    PAGES.forEach((p) => $('nav-' + p).classList.toggle('active', p === page));
    if (signedIn) LOADERS[page]();
  }

  let regionsCache = null;
  async function regions() {
    if (!regionsCache) regionsCache = (await api('GET', '/api/v1/regions')).json;
    return regionsCache;
  }
  async function fillRegionSelect(select) {
    if (select.options.length) return;
    (await regions()).filter((r) => r.status === 'SERVING' || !r.status).forEach((r) => {
      const o = el('option', r.code + ' ' + (r.name || ''));
      o.value = r.code;
      select.appendChild(o);
    });
  }

  // --- regions ---
  async function loadRegions() {
    regionsCache = null;
    const body = $('regions-table').tBodies[0];
    body.replaceChildren();
    for (const r of await regions()) {
      const violations = el('ul');
      ((r.conformance && r.conformance.violations) || []).forEach((v) =>
        violations.appendChild(el('li', v.parameter + ' = ' + v.actual + '，标准 ' + v.bound + '（' + v.citation + '）')));
      const tr = row([r.code, r.name || '', r.parent || '', r.bundleVersion || '', r.status || '',
        badge(r.conformance && r.conformance.status), violations, '…']);
      tr.dataset.region = r.code;
      body.appendChild(tr);
      if (r.problem) tr.cells[4].appendChild(el('div', r.problem, 'error'));
      api('GET', '/api/v1/regions/' + r.code + '/rules?date=' + today())
        .then((rules) => { tr.cells[7].textContent = String(rules.json.parameters.filter((p) => p.assumption).length); })
        .catch(() => { tr.cells[7].textContent = '—'; });
    }
  }

  // --- rules ---
  async function loadRules() {
    await fillRegionSelect($('rules-region'));
    if (!$('rules-date').value) $('rules-date').value = today();
  }
  $('rules-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = $('rules-table').tBodies[0];
    body.replaceChildren();
    try {
      const rules = (await api('GET', '/api/v1/regions/' + $('rules-region').value + '/rules?date=' + $('rules-date').value)).json;
      const assumptions = rules.parameters.filter((p) => p.assumption).length;
      $('rules-summary').textContent = rules.region + ' ' + (rules.name || '') + '，' + rules.date + ' 有效参数 '
        + rules.parameters.length + ' 项，其中待确认假设 ' + assumptions + ' 项（黄色标出）。';
      rules.parameters.forEach((p) => body.appendChild(row([p.key, p.text !== undefined && p.text !== null ? p.text : String(p.value),
        p.effectiveFrom, p.assumption ? '假设（待确认）' : (p.citation || ''), p.note || ''], p.assumption ? 'assumption' : '')));
    } catch (err) {
      $('rules-summary').textContent = '查询失败：' + err.message;
    }
  });

  // --- calculator ---
  function addLine(code, name, cls, amount) {
    const tr = el('tr');
    [['code', code || ''], ['name', name || ''], ['class', cls || 'A'], ['amount', amount || ''], ['ratio', '']].forEach(([k, v]) => {
      let input;
      if (k === 'class') {
        input = el('select');
        [['A', '甲类'], ['B', '乙类'], ['C', '丙类']].forEach(([value, text]) => {
          const o = el('option', text); o.value = value; input.appendChild(o);
        });
      } else {
        input = el('input');
      }
      input.value = v;
      input.dataset.field = k;
      tr.appendChild(wrap(input));
    });
    $('calc-lines').tBodies[0].appendChild(tr);
  }
  function loadCalculator() {
    if (!$('calc-date').value) $('calc-date').value = today();
    if (!$('calc-lines').tBodies[0].rows.length) addLine('', '', 'A', '');
  }
  $('calc-add-line').addEventListener('click', () => addLine());
  $('calculator-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('calc-error').textContent = '';
    const lines = Array.from($('calc-lines').tBodies[0].rows).map((tr) => {
      const f = (k) => tr.querySelector('[data-field="' + k + '"]').value.trim();
      const line = { code: f('code'), name: f('name'), catalogueClass: f('class'), amount: Number(f('amount')) };
      if (f('ratio')) line.preSelfPayRatio = Number(f('ratio'));
      return line;
    }).filter((l) => l.code || l.amount);
    const request = { personId: $('calc-person').value.trim(), institutionId: $('calc-institution').value.trim(),
      date: $('calc-date').value, medType: $('calc-medtype').value, useAccount: $('calc-account').checked, lines };
    if ($('calc-disease').value.trim()) request.diseaseCode = $('calc-disease').value.trim();
    try {
      showResult((await api('POST', '/api/v1/settlements/preview', request)).json);
    } catch (err) {
      $('calc-result').hidden = true;
      $('calc-error').textContent = '试算被拒绝：' + err.message;
    }
  });
  function showResult(r) {
    const fields = [['totalAmount', '医疗费总额'], ['fullySelfPaid', '全自费'], ['preSelfPaid', '先行自付'],
      ['inScopeAmount', '政策范围内费用'], ['deductiblePaid', '起付标准自付'], ['poolPaid', '统筹基金支付'],
      ['overCapSelfPaid', '超限额自付'], ['criticalIllnessPaid', '大病保险支付'], ['fundPaid', '基金支付合计'],
      ['personalPart', '个人负担'], ['accountPaid', '个人账户支付'], ['cashPaid', '现金支付'], ['accountBalance', '账户余额']];
    const body = $('calc-summary').tBodies[0];
    body.replaceChildren();
    body.appendChild(row(['支付比例', r.poolRatio === undefined ? '' : (Number(r.poolRatio) * 100).toFixed(2).replace(/\.?0+$/, '') + '%']));
    fields.filter(([k]) => r[k] !== undefined && r[k] !== null).forEach(([k, label]) => {
      const tr = row([label]); tr.appendChild(moneyCell(r[k])); tr.dataset.field = k; body.appendChild(tr);
    });
    const trace = $('calc-trace');
    trace.replaceChildren();
    (r.trace || []).forEach((t) => {
      const li = el('li');
      li.appendChild(el('strong', t.step));
      li.appendChild(document.createTextNode('：' + money(t.amount) + ' 元'));
      if (t.parameter) li.appendChild(document.createTextNode('（' + t.parameter + '）'));
      if (t.citation) li.appendChild(el('span', ' 依据 ' + t.citation, 'citation'));
      trace.appendChild(li);
    });
    $('calc-result').hidden = false;
  }

  // --- filing check ---
  function loadFiling() { }
  $('filing-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('filing-error').textContent = '';
    const file = $('filing-file').files[0];
    if (!file) return;
    try {
      const report = (await api('POST', '/api/v1/filing-checks', await file.text(), { 'Content-Type': 'text/plain; charset=utf-8' })).json;
      $('filing-report').textContent = report.report;
      $('filing-report').hidden = false;
    } catch (err) {
      $('filing-report').hidden = true;
      $('filing-error').textContent = '校验失败：' + err.message;
    }
  });

  // --- simulations ---
  function addChange(key, value, from) {
    const tr = el('tr');
    [['key', key || ''], ['value', value || ''], ['from', from || '']].forEach(([k, v]) => {
      const input = el('input');
      if (k === 'from') input.type = 'date';
      input.value = v; input.dataset.field = k;
      tr.appendChild(wrap(input));
    });
    $('sim-changes').tBodies[0].appendChild(tr);
  }
  async function loadSimulations() {
    await fillRegionSelect($('sim-region'));
    if (!$('sim-year').value) $('sim-year').value = today().slice(0, 4);
    if (!$('sim-changes').tBodies[0].rows.length) addChange();
  }
  $('sim-add-change').addEventListener('click', () => addChange());
  $('simulation-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('sim-error').textContent = '';
    $('sim-result').hidden = true;
    const changes = Array.from($('sim-changes').tBodies[0].rows).map((tr) => {
      const f = (k) => tr.querySelector('[data-field="' + k + '"]').value.trim();
      const c = { key: f('key'), value: f('value') };
      if (f('from')) c.from = f('from');
      return c;
    }).filter((c) => c.key);
    try {
      const body = { region: $('sim-region').value, year: Number($('sim-year').value), changes };
      const file = $('sim-file').files[0];
      if (file) { body.claims = 'UPLOADED'; body.visits = await file.text(); }
      const started = await api('POST', '/api/v1/simulations', body, { Prefer: 'respond-async' });
      const jobPath = started.headers.get('Location') || ('/api/v1/jobs/' + started.json.jobId);
      const job = await follow(jobPath);
      const id = job.result && job.result.simulationId;
      showSimulation((await api('GET', '/api/v1/simulations/' + id)).json);
    } catch (err) {
      $('sim-status').textContent = '';
      $('sim-error').textContent = '测算失败：' + err.message;
    }
  });
  async function follow(path) {
    for (;;) {
      const job = (await api('GET', new URL(path, location.href).pathname)).json;
      const p = job.progress || {};
      $('sim-status').textContent = '测算任务 ' + job.jobId + '：' + job.status + (p.total ? '（' + p.done + ' / ' + p.total + '）' : '');
      if (job.status === 'DONE') return job;
      if (job.status === 'FAILED') throw new Error((job.problem && (job.problem.detail || job.problem.code)) || '任务失败');
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  function showSimulation(s) {
    const b = s.baseline, d = s.draft;
    const body = $('sim-totals').tBodies[0];
    body.replaceChildren();
    const line = (label, x, y, isMoney) => {
      const tr = row([label]);
      [x, y, (Number(y) - Number(x))].forEach((v) => tr.appendChild(isMoney ? moneyCell(v) : el('td', String(v), 'money')));
      tr.dataset.item = label;
      body.appendChild(tr);
    };
    line('结算人次', b.claims, d.claims, false);
    line('基金支付合计', b.fundPaid, d.fundPaid, true);
    line('统筹基金支付', b.poolPaid, d.poolPaid, true);
    line('大病保险支付', b.criticalIllnessPaid, d.criticalIllnessPaid, true);
    line('个人账户支付', b.accountPaid, d.accountPaid, true);
    line('个人负担', b.personalPart, d.personalPart, true);
    Object.keys(BENEFITS).forEach((k) => {
      if (b.poolPaidByBenefit[k] !== undefined || d.poolPaidByBenefit[k] !== undefined) {
        line('统筹支付·' + BENEFITS[k], b.poolPaidByBenefit[k] || 0, d.poolPaidByBenefit[k] || 0, true);
        line('达到年度限额人数·' + BENEFITS[k], b.personsReachingCap[k] || 0, d.personsReachingCap[k] || 0, false);
      }
    });
    Object.keys(CATEGORIES).forEach((k) => {
      if (b.poolPaidByCategory[k] !== undefined) line('统筹支付·' + CATEGORIES[k], b.poolPaidByCategory[k], d.poolPaidByCategory[k] || 0, true);
    });
    Object.keys(LEVELS).forEach((k) => {
      if (b.poolPaidByLevel[k] !== undefined) line('统筹支付·' + LEVELS[k], b.poolPaidByLevel[k], d.poolPaidByLevel[k] || 0, true);
    });
    (b.personalPartByDecile || []).forEach((v, i) => line('个人负担第' + (i + 1) + '十分位（人均）', v, d.personalPartByDecile[i], true));
    $('sim-chart').replaceChildren(chart(b.fundPaidByMonth, d.fundPaidByMonth));
    const c = s.conformance || {};
    $('sim-conformance').replaceChildren(badge(c.status), document.createTextNode(' ' + (c.checkedAgainst || '')));
    $('sim-violations').replaceChildren(...(c.violations || []).map((v) =>
      el('li', v.parameter + ' = ' + v.actual + '，标准 ' + v.bound + '（' + v.citation + '）')));
    const changed = $('sim-changed').tBodies[0];
    changed.replaceChildren(...(s.changes || []).map((ch) => row([ch.key, ch.replacedValue || '',
      ch.replacedAssumption ? '假设（待确认）' : (ch.replacedCitation || ''), ch.value + '（自 ' + ch.from + '）'])));
    const r = s.booked;
    $('sim-reproduction').textContent = r ? (r.exact
      ? '按现行规则重算已结算记录，统筹基金支付与记账一致（' + money(r.poolPaidBooked) + ' 元）。'
      : '按现行规则重算与记账不一致的参保人 ' + r.personsDiffering + ' 人：其较早的结算在较晚结算之后被撤销，较晚结算当时的累计值包含了被撤销的结算。') : '';
    $('sim-status').textContent = '测算完成。';
    $('sim-result').hidden = false;
  }
  /** Monthly fund pay, baseline and draft side by side, as an SVG bar chart. */
  function chart(base, draft) {
    const NS = 'http://www.w3.org/2000/svg';
    const months = Array.from(new Set(Object.keys(base || {}).concat(Object.keys(draft || {})))).sort();
    const max = Math.max(1, ...months.map((m) => Math.max(Number(base[m] || 0), Number(draft[m] || 0))));
    const w = 60, h = 180, top = 20, left = 10;
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('width', String(left * 2 + months.length * w));
    svg.setAttribute('height', String(h + top + 40));
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', '按月统筹基金支付：现行与草案');
    const add = (tag, attrs, text) => {
      const e = document.createElementNS(NS, tag);
      Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, String(v)));
      if (text) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    months.forEach((m, i) => {
      [[base[m], '#7f9cbf', 0, 'baseline'], [draft[m], '#e69138', 1, 'draft']].forEach(([v, color, j, side]) => {
        const bh = Math.round((Number(v || 0) / max) * h);
        const bar = add('rect', { x: left + i * w + 8 + j * 22, y: top + h - bh, width: 20, height: bh, fill: color });
        bar.dataset.month = m; bar.dataset.side = side;
        const title = document.createElementNS(NS, 'title');
        title.textContent = m + (j ? ' 草案 ' : ' 现行 ') + money(v);
        bar.appendChild(title);
      });
      add('text', { x: left + i * w + 10, y: top + h + 16 }, m.slice(5) + '月');
    });
    add('rect', { x: left, y: top + h + 24, width: 10, height: 10, fill: '#7f9cbf' });
    add('text', { x: left + 14, y: top + h + 33 }, '现行');
    add('rect', { x: left + 60, y: top + h + 24, width: 10, height: 10, fill: '#e69138' });
    add('text', { x: left + 74, y: top + h + 33 }, '草案');
    return svg;
  }

  const LOADERS = { 'sign-in': () => {}, regions: loadRegions, rules: loadRules, calculator: loadCalculator,
    filing: loadFiling, simulations: loadSimulations };
  show();
})();
