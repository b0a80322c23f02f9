// The portal's start: read the control plane's settings, finish a redirect login, and show the page
// the URL's fragment names. Routes live in the fragment because FileMiddleware serves files only
// and has no single-page fallback:
//   #/                              your organizations (search, paging, create a tenant)
//   #/org/{org_id}/tenant/{tenant}  manage a tenant with that organization's token
//   #/tenant/{tenant}               manage a tenant with a platform-staff token (audited)

import { h, replace } from "./dom.js";
import { describeError } from "./management-api.js";
import { Session } from "./session.js";
import { renderOrganizations } from "./organizations-view.js";
import { renderTenant } from "./tenant-view.js";

const main = document.getElementById("main");
const account = document.getElementById("account");
const staffMarker = document.getElementById("staff-marker");

start().catch((error) => showError(error));

async function start() {
  const session = await Session.open();
  const returnTo = await session.finishRedirectLogin();
  if (returnTo !== undefined) {
    // Drop ?code=&state= from the address bar so a reload does not replay them.
    history.replaceState(null, "", `${location.pathname}${returnTo || "#/"}`);
  }
  if (!(await session.isSignedIn())) {
    renderSignedOut(session);
    return;
  }
  await renderAccount(session);
  window.addEventListener("hashchange", () => route(session));
  await route(session);
}

async function route(session) {
  const path = location.hash.replace(/^#/, "") || "/";
  const organizationTenant = path.match(/^\/org\/([^/]+)\/tenant\/([^/]+)$/);
  const staffTenant = path.match(/^\/tenant\/([^/]+)$/);
  main.setAttribute("aria-busy", "true");
  try {
    if (organizationTenant) {
      const [, organizationId, tenantId] = organizationTenant.map(decodeURIComponent);
      await renderTenant(main, session, { organizationId, tenantId });
    } else if (staffTenant) {
      await renderTenant(main, session, { tenantId: decodeURIComponent(staffTenant[1]) });
    } else {
      await renderOrganizations(main, session);
    }
  } catch (error) {
    showError(error);
  } finally {
    main.removeAttribute("aria-busy");
  }
  main.querySelector("h2")?.focus();
}

function renderSignedOut(session) {
  replace(account);
  replace(
    main,
    h(
      "section",
      { class: "card signed-out", "aria-labelledby": "welcome" },
      h("h2", { id: "welcome", tabindex: "-1" }, "Manage your organizations"),
      h("p", {}, "Sign in to see the tenants you belong to, create one, and manage its users, roles and members."),
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "button primary", id: "sign-in", onClick: () => session.signIn() }, "Sign in"),
        h("button", { type: "button", class: "button secondary", id: "sign-up", onClick: () => session.signIn({ signUp: true }) }, "Sign up"),
      ),
    ),
  );
}

async function renderAccount(session) {
  const user = await session.user();
  const staff = await session.isPlatformStaff();
  staffMarker.hidden = !staff;
  replace(
    account,
    h("span", { class: "who", id: "signed-in-as" }, user?.email ?? user?.sub ?? "Signed in"),
    h("button", { type: "button", class: "button secondary", id: "sign-out", onClick: () => session.signOut() }, "Sign out"),
  );
}

function showError(error) {
  main.removeAttribute("aria-busy");
  replace(
    main,
    h(
      "section",
      { class: "card" },
      h("h2", { tabindex: "-1" }, "Something went wrong"),
      h("p", { class: "error", role: "alert", id: "page-error" }, describeError(error)),
      h("p", {}, h("a", { href: "#/" }, "Back to your organizations")),
    ),
  );
}
