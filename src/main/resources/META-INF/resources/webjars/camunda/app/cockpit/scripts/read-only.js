/*
 * Cockpit as managers use it: read only. Managers (group "ledelse") may read process instances and
 * their history, never change them; the engine refuses every change they try (their authorizations,
 * docs/security.md). Cockpit nevertheless offers every action button to everyone, so this script marks
 * the page (<body class="pr-read-only">) for a user who may not update process instances, and
 * styles/user-styles.css hides the buttons that would change something: the toolbar of an instance or
 * definition (cancel, suspend, retry, add variable, migrate, modify), editing and deleting variables,
 * changing assignees and candidate groups, retrying jobs, deleting deployments and batches.
 * Camunda's "migrate to Camunda 8" banner is shown to administrators only (class pr-admin).
 */
const API = '/camunda/api';

function json(url) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
}

// Cockpit signs in without reloading the page: ask again at every navigation until a user is known
let known = false;
function determine() {
  if (known) {
    return;
  }
  json(API + '/admin/auth/user/default').then(user => {
    if (!user || known) {
      return;
    }
    known = true;
    if (Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') > -1) {
      document.body.classList.add('pr-admin');
    }
    // resource type 8: process instance; without a resource id the check asks for every instance
    json(API + '/engine/engine/default/authorization/check?permissionName=UPDATE&resourceName=ProcessInstance'
      + '&resourceType=8').then(check => {
      if (check && check.authorized === false) {
        document.body.classList.add('pr-read-only');
      }
    });
  });
}
determine();
window.addEventListener('hashchange', determine);

export default [];
