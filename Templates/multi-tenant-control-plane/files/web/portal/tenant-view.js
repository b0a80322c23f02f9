// Managing one customer tenant: what the token in use carries, the tenant's users (search, paging,
// create, block, delete, roles) and its organizations' members (add, remove, member roles). Every
// request sends the `tenant-id` header; actions the token's permissions do not allow are shown
// disabled with the reason, and a refusal by the server is shown as the server said it.

import { field, guardedButton, h, pager, replace, searchForm, setFieldError } from "./dom.js";
import { ManagementApi, describeError, segment } from "./management-api.js";
import { decodeJwtClaims } from "./oidc-client.js";
import { permissionsOf } from "./session.js";

const PAGE_SIZE = 10;
const CONNECTION = "Username-Password-Authentication";

/**
 * Renders the tenant `tenantId` into `main`, with the token of `organizationId` (or, without one,
 * the platform-staff portal token).
 */
export async function renderTenant(main, session, { organizationId, tenantId }) {
  const token = organizationId ? await session.organizationToken(organizationId) : await session.portalToken();
  const permissions = permissionsOf(token);
  const can = (permission) => ({ allowed: permissions.includes(permission), reason: `Needs ${permission}` });
  const api = new ManagementApi(token, tenantId);
  const context = { api, can, tenantId };
  replace(
    main,
    h(
      "p",
      {},
      h("a", { href: "#/", id: "back-to-organizations" }, "← Your organizations"),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "tenant-title" },
      h("h2", { id: "tenant-title", tabindex: "-1" }, `Tenant ${tenantId}`),
      tokenInspection(decodeJwtClaims(token) ?? {}, permissions, !organizationId),
    ),
    await usersSection(context),
    await membersSection(context),
  );
}

// The seed's "token inspection" tip: which tenant, organization and permissions this token carries.
function tokenInspection(claims, permissions, staff) {
  const row = (term, value, id) => [h("dt", {}, term), h("dd", { id }, value ?? "—")];
  return h(
    "details",
    { class: "token", open: true },
    h("summary", {}, "The token in use"),
    staff ? h("p", { class: "badge internal" }, "Internal access — audited: a platform-staff token, not an organization's.") : null,
    h(
      "dl",
      {},
      row("Organization (org_id)", claims.org_id, "token-org-id"),
      row("Organization name", claims.org_name, "token-org-name"),
      row("Subject", claims.sub, "token-subject"),
      row("Audience", [].concat(claims.aud ?? []).join(" "), "token-audience"),
      row("Expires", claims.exp ? new Date(claims.exp * 1000).toLocaleString() : undefined, "token-expires"),
      row("Permissions", permissions.length ? permissions.join(" ") : "none", "token-permissions"),
    ),
  );
}

// MARK: Users

async function usersSection({ api, can, tenantId }) {
  const state = { q: "", page: 0, openRoles: undefined };
  const error = h("p", { class: "error", role: "alert", id: "users-error" });
  const list = h("div", { id: "user-list", "aria-live": "polite" });
  const section = h(
    "section",
    { class: "card", "aria-labelledby": "users-title" },
    h("h2", { id: "users-title" }, "Users"),
    searchForm({
      id: "user-search",
      label: "Search by email",
      onSearch: (text) => {
        state.q = text;
        state.page = 0;
        load();
      },
    }),
    error,
    list,
    createUserForm(api, can, () => load()),
  );
  await load();
  return section;

  async function load() {
    error.textContent = "";
    const readable = can("read:users");
    if (!readable.allowed) {
      replace(list, h("p", { class: "reason" }, `The user list is hidden: ${readable.reason}.`));
      return;
    }
    try {
      const answer = await api.get("users", {
        page: state.page,
        per_page: PAGE_SIZE,
        include_totals: "true",
        q: state.q ? `email:*${state.q}*` : undefined,
      });
      replace(
        list,
        userTable(answer.users ?? []),
        pager(answer, { page: state.page, go: (page) => ((state.page = page), load()), what: "users", id: "users" }),
      );
    } catch (failure) {
      replace(list);
      error.textContent = describeError(failure);
    }
  }

  function userTable(users) {
    if (users.length === 0) return h("p", { id: "no-users" }, `No users in ${tenantId} match.`);
    return h(
      "ul",
      { class: "users" },
      users.map((user) => {
        const rowError = h("p", { class: "error", role: "alert" });
        const roles = h("div", { class: "roles" });
        const act = (change) => changeThenReload(rowError, change, load);
        const path = `users/${segment(user.user_id)}`;
        const confirmation = h("span", { class: "confirm", hidden: true });
        replace(
          confirmation,
          h("span", {}, `Delete ${user.email} for good?`),
          h("button", { type: "button", class: "button danger", "data-action": "confirm-delete", onClick: act(() => api.delete(path)) }, "Delete"),
          h("button", { type: "button", class: "button secondary", onClick: () => (confirmation.hidden = true) }, "Cancel"),
        );
        return h(
          "li",
          { "data-email": user.email, "data-user-id": user.user_id },
          h("span", { class: "email" }, user.email),
          user.blocked ? h("span", { class: "badge", "data-blocked": "true" }, "Blocked") : null,
          h(
            "div",
            { class: "actions" },
            guardedButton("Roles", {
              ...can("read:users"),
              dataset: { action: "roles" },
              onClick: () => toggleRoles(roles, user),
            }),
            guardedButton(user.blocked ? "Unblock" : "Block", {
              ...can("update:users"),
              dataset: { action: user.blocked ? "unblock" : "block" },
              onClick: act(() => api.patch(path, { blocked: !user.blocked })),
            }),
            guardedButton("Delete…", {
              ...can("delete:users"),
              kind: "danger",
              dataset: { action: "delete" },
              onClick: () => (confirmation.hidden = false),
            }),
            confirmation,
          ),
          rowError,
          roles,
        );
      }),
    );
  }

  async function toggleRoles(container, user) {
    if (container.childElementCount > 0) {
      replace(container);
      return;
    }
    await rolesEditor(container, {
      can,
      list: () => api.get(`users/${segment(user.user_id)}/roles`),
      available: () => api.get("roles"),
      assign: (roleId) => api.post(`users/${segment(user.user_id)}/roles`, { roles: [roleId] }),
      remove: (roleId) => api.delete(`users/${segment(user.user_id)}/roles`, { roles: [roleId] }),
      changePermission: "update:users",
      label: `Roles of ${user.email}`,
    });
  }
}

function createUserForm(api, can, onCreated) {
  const allowed = can("create:users");
  const email = field({ id: "new-user-email", label: "Email", type: "email", required: true, autocomplete: "off" });
  const password = field({ id: "new-user-password", label: "Password", type: "password", required: true, autocomplete: "new-password" });
  const formError = h("p", { class: "error", role: "alert", id: "create-user-error" });
  return h(
    "form",
    {
      class: "subform",
      novalidate: true,
      "aria-labelledby": "create-user-title",
      onSubmit: async (event) => {
        event.preventDefault();
        setFieldError(email);
        setFieldError(password);
        formError.textContent = "";
        try {
          await api.post("users", { connection: CONNECTION, email: email.input.value.trim(), password: password.input.value });
          email.input.value = "";
          password.input.value = "";
          onCreated();
        } catch (failure) {
          const message = describeError(failure);
          if (failure.status === 400 && /password/i.test(message)) setFieldError(password, message);
          else if (failure.status === 400 || failure.status === 409) setFieldError(email, message);
          else formError.textContent = message;
        }
      },
    },
    h("h3", { id: "create-user-title" }, "Create a user"),
    formError,
    email.wrapper,
    password.wrapper,
    allowed.allowed
      ? h("button", { type: "submit", class: "button primary", id: "create-user" }, "Create user")
      : guardedButton("Create user", allowed),
  );
}

// MARK: Organization members

async function membersSection({ api, can }) {
  const error = h("p", { class: "error", role: "alert", id: "members-error" });
  const body = h("div", { id: "members" });
  const section = h(
    "section",
    { class: "card", "aria-labelledby": "members-title" },
    h("h2", { id: "members-title" }, "Organizations and members"),
    error,
    body,
  );
  const readable = can("read:organizations");
  if (!readable.allowed) {
    replace(body, h("p", { class: "reason" }, `Organizations are hidden: ${readable.reason}.`));
    return section;
  }
  try {
    const organizations = await api.get("organizations", { per_page: 100 });
    const items = Array.isArray(organizations) ? organizations : (organizations?.organizations ?? []);
    if (items.length === 0) {
      replace(body, h("p", {}, "This tenant has no organizations yet."));
      return section;
    }
    const select = h(
      "select",
      { id: "organization-select", onChange: () => showMembers(select.value) },
      items.map((organization) => h("option", { value: organization.id }, organization.display_name || organization.name)),
    );
    const members = h("div", { id: "member-list" });
    replace(body, h("div", { class: "field" }, h("label", { for: "organization-select" }, "Organization"), select), members);
    await showMembers(select.value);

    async function showMembers(organizationId) {
      error.textContent = "";
      const base = `organizations/${segment(organizationId)}/members`;
      const reload = () => showMembers(organizationId);
      const act = (change) => changeThenReload(error, change, reload);
      const list = can("read:organization_members").allowed
        ? await api.get(base, { per_page: 100 }).catch((failure) => {
            error.textContent = describeError(failure);
            return [];
          })
        : [];
      const people = Array.isArray(list) ? list : (list?.members ?? []);
      const newMember = field({ id: "new-member", label: "User id to add", autocomplete: "off", hint: "The user's id, e.g. auth0|…" });
      replace(
        members,
        h(
          "ul",
          { class: "members" },
          people.map((member) => {
            const roles = h("div", { class: "roles" });
            const path = `${base}/${segment(member.user_id)}/roles`;
            return h(
              "li",
              { "data-user-id": member.user_id },
              h("span", { class: "email" }, member.email ?? member.user_id),
              h(
                "div",
                { class: "actions" },
                guardedButton("Member roles", {
                  ...can("read:organization_member_roles"),
                  onClick: () =>
                    roles.childElementCount
                      ? replace(roles)
                      : rolesEditor(roles, {
                          can,
                          list: () => api.get(path),
                          available: () => api.get("roles"),
                          assign: (roleId) => api.post(path, { roles: [roleId] }),
                          remove: (roleId) => api.delete(path, { roles: [roleId] }),
                          changePermission: "create:organization_member_roles",
                          label: `Roles of ${member.email ?? member.user_id} in this organization`,
                        }),
                }),
                guardedButton("Remove", {
                  ...can("delete:organization_members"),
                  kind: "danger",
                  onClick: act(() => api.delete(base, { members: [member.user_id] })),
                }),
              ),
              roles,
            );
          }),
        ),
        people.length === 0 ? h("p", {}, "No members.") : null,
        h(
          "form",
          {
            class: "inline-form",
            onSubmit: async (event) => {
              event.preventDefault();
              setFieldError(newMember);
              try {
                await api.post(base, { members: [newMember.input.value.trim()] });
                await reload();
              } catch (failure) {
                setFieldError(newMember, describeError(failure));
              }
            },
          },
          newMember.wrapper,
          can("create:organization_members").allowed
            ? h("button", { type: "submit", class: "button secondary" }, "Add member")
            : guardedButton("Add member", can("create:organization_members")),
        ),
      );
    }
  } catch (failure) {
    error.textContent = describeError(failure);
  }
  return section;
}

// MARK: Shared parts

/** A click handler that makes `change`, then shows the result (`reload`); a refusal goes to `errorLine` in words. */
function changeThenReload(errorLine, change, reload) {
  return async () => {
    errorLine.textContent = "";
    try {
      await change();
      await reload();
    } catch (failure) {
      errorLine.textContent = describeError(failure);
    }
  };
}

/** A role list with Remove buttons and an Assign form, for a user's or a member's roles. */
async function rolesEditor(container, { can, list, available, assign, remove, changePermission, label }) {
  const error = h("p", { class: "error", role: "alert" });
  const reload = () => rolesEditor(container, { can, list, available, assign, remove, changePermission, label });
  const act = (change) => changeThenReload(error, change, reload);
  let held = [];
  let all = [];
  try {
    const answer = await list();
    held = Array.isArray(answer) ? answer : (answer?.roles ?? []);
    if (can("read:roles").allowed) {
      const roles = await available();
      all = Array.isArray(roles) ? roles : (roles?.roles ?? []);
    }
  } catch (failure) {
    error.textContent = describeError(failure);
  }
  const change = can(changePermission);
  const choices = all.filter((role) => !held.some((mine) => mine.id === role.id));
  const selectId = `role-select-${Math.random().toString(36).slice(2)}`;
  const select = h("select", { id: selectId }, choices.map((role) => h("option", { value: role.id }, role.name)));
  replace(
    container,
    h("h3", {}, label),
    error,
    h(
      "ul",
      { class: "role-list" },
      held.map((role) =>
        h(
          "li",
          { "data-role": role.name },
          h("span", {}, role.name),
          guardedButton("Remove", { ...change, onClick: act(() => remove(role.id)) }),
        ),
      ),
    ),
    held.length === 0 ? h("p", {}, "No roles.") : null,
    choices.length
      ? h(
          "div",
          { class: "inline-form" },
          h("div", { class: "field" }, h("label", { for: selectId }, "Role to assign"), select),
          guardedButton("Assign", { ...change, dataset: { action: "assign-role" }, onClick: act(() => assign(select.value)) }),
        )
      : null,
  );
}
