/*
 * Danish/English switch for Camunda Tasklist (registered in config.js as a custom script).
 *
 * Tasklist 7.24 picks its language only from navigator.languages[0] (common/scripts/services/locales.js,
 * $translateProvider.determinePreferredLanguage, run in a config block when AngularJS bootstraps).
 * Custom scripts are imported by loadPlugins() before angular.bootstrap(), so overriding
 * navigator.languages / navigator.language at module level here is early enough.
 *
 * The choice is kept in localStorage under "preparedReturn.locale" ("da" or "en"); without a choice,
 * the browser's language decides as before. The switch ("DA | EN") sits in the header, left of the
 * user menu, on the login page as well; choosing a language saves it and reloads the page.
 */

const STORAGE_KEY = 'preparedReturn.locale';
const LANGUAGES = [
  {code: 'da', label: 'DA', name: 'Dansk', navigatorLanguage: 'da-DK'},
  {code: 'en', label: 'EN', name: 'English', navigatorLanguage: 'en-GB'}
];
const SWITCH_CLASS = 'pr-language-switch';

function savedChoice() {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some(language => language.code === value) ? value : null;
  } catch (e) {
    return null; // storage disabled: the browser's language decides
  }
}

function overrideNavigatorLanguage(code) {
  const language = LANGUAGES.find(l => l.code === code);
  const original = Array.isArray(navigator.languages) ? navigator.languages : [];
  const languages = Object.freeze(
    [language.navigatorLanguage].concat(original.filter(l => l.split('-')[0].toLowerCase() !== code))
  );
  try {
    Object.defineProperty(navigator, 'languages', {configurable: true, get: () => languages});
    Object.defineProperty(navigator, 'language', {configurable: true, get: () => languages[0]});
  } catch (e) {
    console.error('language switch: cannot override navigator.languages', e); // eslint-disable-line
  }
}

/** The language Tasklist will use: the same rule as locales.js (first browser language, else fallback). */
function effectiveLanguage() {
  const conf = (window.camTasklistConf && window.camTasklistConf.locales) || {};
  const available = conf.availableLocales || ['en'];
  const fallback = conf.fallbackLocale || 'en';
  const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
  const code = first.split('-')[0].toLowerCase();
  return available.indexOf(code) > -1 ? code : fallback;
}

function choose(code) {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch (e) {
    return;
  }
  window.location.reload();
}

function createSwitch(current) {
  const item = document.createElement('li');
  item.className = SWITCH_CLASS;
  item.setAttribute('role', 'group');
  item.setAttribute('aria-label', 'Sprog / Language');
  item.title = 'Sprog / Language';
  // the header's other items are inline blocks of 42px (camunda-commons-ui cam-widget-header)
  Object.assign(item.style, {display: 'inline-block', height: '42px', lineHeight: '42px', padding: '0 10px',
    verticalAlign: 'top', whiteSpace: 'nowrap'});

  LANGUAGES.forEach((language, index) => {
    if (index > 0) {
      const separator = document.createElement('span');
      separator.textContent = '|';
      separator.setAttribute('aria-hidden', 'true');
      Object.assign(separator.style, {color: '#999', padding: '0 2px'});
      item.appendChild(separator);
    }
    const active = language.code === current;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = language.label;
    button.lang = language.code;
    button.setAttribute('aria-label', language.name);
    button.setAttribute('aria-pressed', String(active));
    button.setAttribute('data-locale', language.code);
    Object.assign(button.style, {
      background: 'none',
      border: 'none',
      padding: '2px 4px',
      font: 'inherit',
      fontSize: '13px',
      cursor: active ? 'default' : 'pointer',
      color: active ? '#333' : '#0072ce',
      fontWeight: active ? 'bold' : 'normal',
      textDecoration: active ? 'none' : 'underline'
    });
    if (!active) {
      button.addEventListener('click', () => choose(language.code));
    }
    item.appendChild(button);
  });
  return item;
}

/** Adds the switch to the header's right-hand menu; AngularJS renders that menu later, so keep watching. */
function installSwitch() {
  const current = effectiveLanguage();
  document.documentElement.setAttribute('lang', current);

  const place = () => {
    if (document.querySelector('.' + SWITCH_CLASS)) {
      return;
    }
    const menu = document.querySelector('[cam-widget-header] .app-menu > ul');
    if (menu) {
      menu.insertBefore(createSwitch(current), menu.firstChild);
    }
  };
  place();
  new MutationObserver(place).observe(document.body, {childList: true, subtree: true});
}

const choice = savedChoice();
if (choice) {
  overrideNavigatorLanguage(choice);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', installSwitch);
} else {
  installSwitch();
}

// no Tasklist plugins in this script (loadPlugins() skips modules without a default export)
