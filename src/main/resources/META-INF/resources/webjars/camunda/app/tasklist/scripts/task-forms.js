/*
 * The task forms in the caseworker's language, errors at the field, a confirmation after every
 * completion, and the case next to the task (registered in config.js as a custom script, after
 * language-switch.js, so navigator.languages already carries the DA | EN choice).
 *
 * Tasklist 7.24 bundles form-js 1.8.7, whose texts are English and not configurable, and whose date
 * fields take their format from the browser's default locale (Intl.DateTimeFormat('default')). So:
 *  - the default locale of Intl.DateTimeFormat is the Tasklist language (da-DK: dd.mm.yyyy; English
 *    is en-GB: dd/mm/yyyy, whatever the browser's English);
 *  - dates that a form's text shows from process variables ({{departureDeadline}}) are written as the
 *    reader writes them (13.12.2026 / 13 Dec 2026);
 *  - every date picker (flatpickr) gets Danish month and day names, and weeks start on Monday;
 *  - form-js messages and placeholders ("Field is required.", "Select", "Search") are Danish in a
 *    Danish Tasklist (text nodes and placeholders rewritten as form-js renders them);
 *  - a refused submission: the server's message ("[label]: [reason]", see the forms package; Camunda's
 *    prefix "Cannot submit task form <id>: " is dropped by the server) is shown at the field it names,
 *    and Tasklist's general error box gives way to a short notice pointing at the field;
 *  - a successful submission removes the old error messages and confirms the completion;
 *  - Camunda's "migrate to Camunda 8" banner is shown to administrators only (styles/user-styles.css
 *    hides it; the class pr-admin on <body> shows it again);
 *  - the header links to the case search (/app/cases), and the task view has a tab "Sag" / "Case"
 *    showing the task's case page (/app/cases/{ref}?view=tab in a frame; the default export: a
 *    tasklist.task.detail plugin), where events are reported without leaving the task.
 */

const DANISH = ((Array.isArray(navigator.languages) && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().startsWith('da');

const TEXT = DANISH ? {
  caseTab: 'Sag',
  caseSearch: 'Søg sag',
  openCase: 'Åbn sagen',
  caseDeadlines: 'Frister i sagen',
  noCase: 'Opgaven hører ikke til en sag.',
  completed: name => 'Opgaven "' + name + '" er afsluttet.',
  started: 'Hændelsen er registreret.',
  fieldError: 'Se feltet markeret med rødt.'
} : {
  caseTab: 'Case',
  caseSearch: 'Find a case',
  openCase: 'Open the case',
  caseDeadlines: 'Deadlines of the case',
  noCase: 'This task belongs to no case.',
  completed: name => 'The task "' + name + '" is completed.',
  started: 'The event is recorded.',
  fieldError: 'See the field marked in red.'
};

// ---- dates: the Tasklist language is the default locale of the form fields

// English for partners abroad is British English: day, month, year (7/12/2026, never the US 12/7/2026)
const FORM_LOCALE = DANISH ? 'da-DK' : 'en-GB';
(function patchDefaultLocale() {
  const Native = Intl.DateTimeFormat;
  function DateTimeFormat(locales, options) {
    return new Native(locales === undefined || locales === 'default' ? FORM_LOCALE : locales, options);
  }
  DateTimeFormat.prototype = Native.prototype;
  DateTimeFormat.supportedLocalesOf = Native.supportedLocalesOf.bind(Native);
  Intl.DateTimeFormat = DateTimeFormat;
})();

const DATEPICKER_LOCALE = DANISH ? {
  weekdays: {
    shorthand: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
    longhand: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    longhand: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'december']
  },
  firstDayOfWeek: 1,
  ordinal: () => '.',
  rangeSeparator: ' til ',
  weekAbbreviation: 'uge',
  scrollTitle: 'Rul for at ændre',
  toggleTitle: 'Klik for at skifte',
  time_24hr: true
} : {firstDayOfWeek: 1};

function localiseDatepicker(input) {
  const picker = input._flatpickr;
  if (!picker || input.dataset.prLocalised) {
    return;
  }
  input.dataset.prLocalised = 'true';
  // set('locale') redraws the calendar and writes the value again: no change event for form-js
  const onChange = picker.config.onChange;
  picker.config.onChange = [];
  try {
    picker.set('locale', DATEPICKER_LOCALE);
  } finally {
    picker.config.onChange = onChange;
  }
}

// ---- form-js texts

const MESSAGES = DANISH ? [
  [/^Field is required\.$/, () => 'Feltet skal udfyldes.'],
  [/^Field must match pattern .*$/, () => 'Værdien har ikke den form, der er beskrevet under feltet.'],
  [/^Field must have minimum value of (.+)\.$/, m => 'Værdien skal være mindst ' + m[1] + '.'],
  [/^Field must have maximum value of (.+)\.$/, m => 'Værdien må højst være ' + m[1] + '.'],
  [/^Field must have minimum length of (.+)\.$/, m => 'Feltet skal have mindst ' + m[1] + ' tegn.'],
  [/^Field must have maximum length of (.+)\.$/, m => 'Feltet må højst have ' + m[1] + ' tegn.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en gyldig e-mailadresse.'],
  [/^Field must be a valid  ?international phone number\.$/, () => 'Skriv et gyldigt telefonnummer.'],
  [/^Value is not a valid number\.$/, () => 'Værdien er ikke et tal.'],
  [/^Selected value does not exist\.$/, () => 'Den valgte værdi findes ikke.'],
  [/^Select$/, () => 'Vælg'],
  [/^Search$/, () => 'Søg'],
  [/^No results$/, () => 'Ingen resultater'],
  [/^All values selected$/, () => 'Alle værdier er valgt']
] : [
  [/^Field must match pattern .*$/, () => 'The value does not have the form described below the field.']
];
const PLACEHOLDERS = DANISH ? {'Select': 'Vælg', 'Search': 'Søg'} : {};

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, replacement] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return replacement(match);
    }
  }
  return null;
}

/**
 * Rewrites the text nodes below root: rewrite(text, node) returns the new text, or null to keep it.
 * All are computed first, then written, so the walk never sees its own changes.
 */
function rewriteTexts(root, rewrite) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const changes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = rewrite(node.nodeValue, node);
    if (text !== null && text !== node.nodeValue) {
      changes.push([node, text]);
    }
  }
  changes.forEach(([node, text]) => {
    node.nodeValue = text;
  });
}

function translateTexts(root) {
  rewriteTexts(root, translated);
  root.querySelectorAll('input[placeholder]').forEach(input => {
    const text = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (text) {
      input.setAttribute('placeholder', text);
    }
  });
}

// Process names (the models' names are Danish, the partners' phases bilingual) in the user's language,
// where Tasklist shows them: the task list's cards, the task's header, the start-process dialog.
const PROCESS_NAMES = DANISH ? {
  'Månedlig støtte / Monthly support': 'Månedlig støtte',
  'Report a case event': 'Rapportér en hændelse'
} : {
  'Månedlig støtte / Monthly support': 'Monthly support',
  'Udrejsefrist': 'Departure deadline',
  'Refleksions- og restitutionsperiode': 'Reflection and recovery period',
  'Forberedelse af hjemrejsen': 'Return preparation',
  'Identifikation': 'Identification',
  'Registrér hændelse i en sag': 'Record a case event',
  'Forberedt hjemsendelse': 'Prepared return'
};

function translateProcessNames(root) {
  rewriteTexts(root, text => {
    const name = PROCESS_NAMES[text.trim()];
    return name ? text.replace(text.trim(), name) : null;
  });
}

// Dates in the forms' texts (ISO, as process variables hold them) as the reader writes them; amounts
// come formatted for the reader from the server (reintegration.SupportPayments)
const ISO_DATE = /(^|[^\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function readableDate(year, month, day) {
  return DANISH ? day + '.' + month + '.' + year : Number(day) + ' ' + MONTHS_EN[Number(month) - 1] + ' ' + year;
}

function formatTexts(root) {
  rewriteTexts(root, text => text.replace(ISO_DATE,
    (all, before, year, month, day) => before + readableDate(year, month, day)));
}

// Relative dates ("in 16 days", "10 days ago") in a Danish Tasklist: Tasklist formats some with
// moment's English before its Danish locale is loaded and never again, so they are written in Danish
const RELATIVE = /\b(in )?(a few seconds|an? (?:minute|hour|day|week|month|year)|\d+ (?:seconds|minutes|hours|days|weeks|months|years))( ago)?\b/g;
const RELATIVE_UNITS = {
  'a few seconds': 'få sekunder', 'a minute': 'et minut', 'an hour': 'en time', 'a day': 'en dag',
  'a week': 'en uge', 'a month': 'en måned', 'a year': 'et år', seconds: 'sekunder', minutes: 'minutter',
  hours: 'timer', days: 'dage', weeks: 'uger', months: 'måneder', years: 'år'
};

function danishRelative(all, future, span, past) {
  if (!future && !past) {
    return all;
  }
  const number = /^(\d+) (\w+)$/.exec(span);
  const words = number ? number[1] + ' ' + RELATIVE_UNITS[number[2]] : RELATIVE_UNITS[span];
  return future ? 'om ' + words : 'for ' + words + ' siden';
}

function translateRelativeDates(root) {
  rewriteTexts(root, (text, node) => (node.parentElement && node.parentElement.closest('.fjs-container')
    ? null : text.replace(RELATIVE, danishRelative)));
}

let replaceErrorBoxUntil = 0;
function replaceErrorBox() {
  if (Date.now() > replaceErrorBoxUntil) {
    return false;
  }
  const alerts = document.querySelectorAll('.page-notifications .alert-danger');
  alerts.forEach(alert => {
    const close = alert.querySelector('.close');
    if (close) {
      close.click();
    }
    alert.remove();
  });
  return alerts.length > 0;
}

/** Removes Tasklist's error box for the refusal just shown at its field, once Tasklist has added it. */
function replaceErrorBoxSoon() {
  replaceErrorBoxUntil = Date.now() + 5000;
  const timer = setInterval(() => {
    if (replaceErrorBox() || Date.now() > replaceErrorBoxUntil) {
      clearInterval(timer);
      replaceErrorBoxUntil = 0;
    }
  }, 50);
}

let scheduled = false;
function localiseForms() {
  scheduled = false;
  document.querySelectorAll('ol.tasks-list, [cam-tasklist-task] .names, [cam-tasklist-task] h3, .modal-body')
    .forEach(translateProcessNames);
  if (DANISH) {
    document.querySelectorAll('ol.tasks-list, [cam-tasklist-task] .task-details, [cam-tasklist-task] .meta')
      .forEach(translateRelativeDates);
  }
  // the task list's variables (e.g. "Udrejsefrist") are ISO dates as well
  document.querySelectorAll('ol.tasks-list .variable-value').forEach(formatTexts);
  document.querySelectorAll('.fjs-container').forEach(container => {
    translateTexts(container);
    container.querySelectorAll('.fjs-form-field-text').forEach(formatTexts);
    container.querySelectorAll('.fjs-datepicker input').forEach(localiseDatepicker);
  });
  installHeaderLink();
}

new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    // before the next paint, after form-js has rendered
    window.requestAnimationFrame(localiseForms);
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
  attributes: true, attributeFilter: ['placeholder']});

// ---- submissions: errors at the field, confirmation on success

const SUBMIT = /\/(task|process-definition)\/[^/]+(\/[^/]+)?\/submit-form(\?|$)/;
const PREFIX = /^Cannot (submit task form|instantiate process definition) [^:]*: /;

function serverError(xhr) {
  try {
    const body = JSON.parse(xhr.responseText);
    return body && typeof body.message === 'string' ? body : null;
  } catch (e) {
    return null;
  }
}

function removeFieldErrors() {
  document.querySelectorAll('.pr-server-error').forEach(error => error.remove());
  document.querySelectorAll('.pr-field-refused').forEach(field => {
    field.classList.remove('pr-field-refused', 'fjs-has-errors');
  });
}

function closeErrorNotifications() {
  document.querySelectorAll('.page-notifications .alert-danger button.close').forEach(button => button.click());
  document.querySelectorAll('[cam-tasklist-task] .alert-danger').forEach(alert => {
    const close = alert.querySelector('button.close');
    if (close) {
      close.click();
    }
  });
}

function fieldLabel(field) {
  const label = field.querySelector('label.fjs-form-field-label, .fjs-form-field-label');
  return label ? label.textContent.replace(/\*\s*$/, '').trim() : null;
}

/** Marks the form field named by "[label]: [reason]" (a list's "[label], række 2: …" marks the list). */
function markField(message) {
  const separator = message.indexOf(': ');
  if (separator < 0) {
    return false;
  }
  const label = message.substring(0, separator).trim();
  const reason = message.substring(separator + 2).trim();
  const listLabel = label.replace(/, (række|row) \d+$/, '');
  const fields = Array.from(document.querySelectorAll('[cam-tasklist-task] .fjs-form-field, .modal .fjs-form-field'));
  const field = fields.find(f => fieldLabel(f) === label) || fields.find(f => fieldLabel(f) === listLabel);
  if (!field) {
    return false;
  }
  removeFieldErrors();
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error pr-server-error';
  error.setAttribute('aria-live', 'polite');
  const list = document.createElement('ul');
  const item = document.createElement('li');
  item.textContent = label === listLabel ? reason : message;
  list.appendChild(item);
  error.appendChild(list);
  field.appendChild(error);
  field.classList.add('fjs-has-errors', 'pr-field-refused');
  const clear = () => {
    error.remove();
    field.classList.remove('fjs-has-errors', 'pr-field-refused');
  };
  field.addEventListener('input', clear, {once: true});
  field.addEventListener('change', clear, {once: true});
  field.scrollIntoView({block: 'center'});
  return true;
}

function confirm(text, refused) {
  let toast = document.querySelector('.pr-confirmation');
  if (!toast) {
    toast = document.createElement('div');
    toast.className = 'pr-confirmation';
    toast.setAttribute('role', 'status');
    toast.setAttribute('aria-live', 'polite');
    document.body.appendChild(toast);
  }
  toast.textContent = text;
  toast.classList.toggle('pr-refused', Boolean(refused));
  toast.classList.add('pr-visible');
  clearTimeout(confirm.timer);
  confirm.timer = setTimeout(() => toast.classList.remove('pr-visible'), 8000);
}

const open = XMLHttpRequest.prototype.open;
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function (method, url) {
  this.prSubmit = String(method).toUpperCase() === 'POST' && SUBMIT.test(String(url)) ? String(url) : null;
  return open.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function () {
  if (this.prSubmit) {
    const xhr = this;
    const isTask = /\/task\//.test(this.prSubmit);
    const heading = document.querySelector('[cam-tasklist-task] h2.task');
    const taskName = heading ? heading.textContent.trim() : '';
    xhr.addEventListener('readystatechange', () => {
      if (xhr.readyState !== 4) {
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        removeFieldErrors();
        closeErrorNotifications();
        confirm(isTask ? TEXT.completed(taskName) : TEXT.started);
        return;
      }
      const error = serverError(xhr);
      // the server (security.ResponseGuards) has dropped Camunda's "Cannot submit task form <id>: "
      if (xhr.status === 400 && error && markField(error.message.replace(PREFIX, ''))) {
        // the message stands at its field: Tasklist's general error box, which Tasklist adds after this
        // response, would only repeat it with "an error occurred"; a short notice points at the field
        replaceErrorBoxSoon();
        confirm(TEXT.fieldError, true);
      }
    });
  }
  return send.apply(this, arguments);
};

// ---- the header: a link to the case search; the migration banner for administrators

function installHeaderLink() {
  if (document.querySelector('.pr-case-search')) {
    return;
  }
  const menu = document.querySelector('[cam-widget-header] .app-menu > ul');
  if (!menu || !document.querySelector('[cam-widget-header] li.account')) {
    return;
  }
  const item = document.createElement('li');
  item.className = 'pr-case-search';
  const link = document.createElement('a');
  link.href = '/app/cases';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = TEXT.caseSearch;
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

// Tasklist signs in without reloading the page: ask again at every navigation until a user is known
let userKnown = false;
function markAdministrator() {
  if (userKnown) {
    return;
  }
  fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .then(user => {
      if (!user || userKnown) {
        return;
      }
      userKnown = true;
      if (Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') > -1) {
        document.body.classList.add('pr-admin');
      }
    })
    .catch(() => {});
}
markAdministrator();
window.addEventListener('hashchange', markAdministrator);

// ---- the tab "Sag" / "Case" in the task view

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(name => node.setAttribute(name, attributes[name]));
  if (text) {
    node.textContent = text;
  }
  return node;
}

export default [{
  id: 'pr-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {label: TEXT.caseTab},
  render: (node, {api, taskId}) => {
    node.innerHTML = '';
    const box = element('div', {class: 'pr-case-tab'});
    node.appendChild(box);
    const base = (api && api.engineApi) || '/camunda/api/engine/engine/default';
    fetch(base + '/task/' + encodeURIComponent(taskId) + '/variables/caseRef',
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : null))
      .then(variable => {
        const caseRef = variable && typeof variable.value === 'string' ? variable.value : null;
        if (!caseRef) {
          box.appendChild(element('p', {}, TEXT.noCase));
          return;
        }
        const page = '/app/cases/' + encodeURIComponent(caseRef);
        const links = element('p', {});
        links.appendChild(element('a', {class: 'btn btn-primary pr-open-case', href: page, target: '_blank',
          rel: 'noopener'}, TEXT.openCase));
        links.appendChild(document.createTextNode(' '));
        links.appendChild(element('a', {class: 'btn btn-default', href: page + '/deadlines', target: '_blank',
          rel: 'noopener'}, TEXT.caseDeadlines));
        box.appendChild(links);
        // the case page itself, without its header (it may be framed by this service's pages only)
        box.appendChild(element('iframe', {class: 'pr-case-frame', src: page + '?view=tab',
          title: TEXT.caseTab + ' ' + caseRef}));
      })
      .catch(() => box.appendChild(element('p', {}, TEXT.noCase)));
  }
}];
