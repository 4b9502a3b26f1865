/*
 * Links from the task forms to the service's own pages (the deadline calendar of a case,
 * /app/cases/{caseRef}/deadlines) open in a new tab, so the form and its unsaved input stay open.
 * The links work before the task is claimed too (styles/user-styles.css lifts them above the
 * overlay Tasklist puts on the form of an unclaimed task).
 */
document.addEventListener('click', event => {
  const link = event.target && event.target.closest ? event.target.closest('a[href^="/app/cases/"]') : null;
  if (link) {
    event.preventDefault();
    window.open(link.href, '_blank', 'noopener');
  }
}, true);

// no Tasklist plugins in this script (loadPlugins() skips modules without a default export)
