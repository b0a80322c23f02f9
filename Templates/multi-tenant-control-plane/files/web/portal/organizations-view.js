// "Your organizations": GET /api/v2/tenants with paging and `q` search, so a member of hundreds of
// organizations reaches every one, and the self-serve "Create a tenant" form.

import { field, h, pager, replace, searchForm, setFieldError } from "./dom.js";
import { ManagementApi, describeError } from "./management-api.js";

const PAGE_SIZE = 20;

/** Renders the list into `main`; `state` keeps the search and page while the view is open. */
export async function renderOrganizations(main, session, state = { q: "", page: 0 }) {
  const token = await session.portalToken();
  const staff = await session.isPlatformStaff();
  const api = new ManagementApi(token);
  const list = h("div", { id: "organization-list", "aria-live": "polite" });
  const search = searchForm({
    id: "organization-search",
    label: "Search by name",
    value: state.q,
    onSearch: (text) => {
      state.q = text;
      state.page = 0;
      load();
    },
  });

  replace(
    main,
    h(
      "section",
      { class: "card", "aria-labelledby": "organizations-title" },
      h("h2", { id: "organizations-title", tabindex: "-1" }, staff ? "All tenants" : "Your organizations"),
      staff ? h("p", { class: "hint" }, "As platform staff you see every tenant; each request you make is audited.") : null,
      search,
      list,
    ),
    createTenantForm(api, () => {
      state.q = "";
      state.page = 0;
      search.querySelector("input").value = "";
      load();
    }),
  );
  await load();

  async function load() {
    list.setAttribute("aria-busy", "true");
    try {
      const answer = await api.get("tenants", {
        page: state.page,
        per_page: PAGE_SIZE,
        include_totals: "true",
        q: state.q || undefined,
      });
      replace(
        list,
        organizationTable(answer, staff),
        pager(answer, { page: state.page, go: (page) => ((state.page = page), load()), what: "tenants", id: "tenants" }),
      );
    } catch (error) {
      replace(list, h("p", { class: "error", role: "alert" }, describeError(error)));
    } finally {
      list.removeAttribute("aria-busy");
    }
  }
}

function organizationTable({ tenants }, staff) {
  if (tenants.length === 0) {
    return h("p", { id: "no-organizations" }, "No tenant matches. Create one below.");
  }
  return h(
    "ul",
    { class: "organizations" },
    tenants.map((tenant) => {
      // Staff manage with their own (audited) token; members with the organization's token.
      const href = staff
        ? `#/tenant/${encodeURIComponent(tenant.tenant_id)}`
        : `#/org/${encodeURIComponent(tenant.id)}/tenant/${encodeURIComponent(tenant.tenant_id)}`;
      return h(
        "li",
        { "data-tenant": tenant.tenant_id, "data-organization": tenant.id },
        h("a", { href, class: "organization-link" }, tenant.display_name || tenant.name),
        h("span", { class: "meta" }, `${tenant.tenant_id} · ${tenant.id}`),
      );
    }),
  );
}

// The server validates (name format, name taken, quota); its message goes next to the field it is
// about, or above the form when it is about no field.
function createTenantForm(api, onCreated) {
  const name = field({
    id: "tenant-name",
    label: "Tenant name",
    required: true,
    autocomplete: "off",
    hint: "Lower-case letters, digits and hyphens; it becomes the tenant's address.",
  });
  const displayName = field({ id: "tenant-display-name", label: "Display name", autocomplete: "organization" });
  const formError = h("p", { class: "error", role: "alert", id: "create-tenant-error" });
  const status = h("p", { class: "success", role: "status", id: "create-tenant-status" });
  const form = h(
    "form",
    {
      novalidate: true,
      onSubmit: async (event) => {
        event.preventDefault();
        setFieldError(name);
        formError.textContent = "";
        status.textContent = "";
        const body = { name: name.input.value.trim() };
        if (displayName.input.value.trim()) body.display_name = displayName.input.value.trim();
        if (!body.name) {
          setFieldError(name, "Enter a name for the tenant.");
          name.input.focus();
          return;
        }
        try {
          const created = await api.post("tenants", body);
          status.textContent = `Created ${created.display_name} (${created.tenant_id}).`;
          name.input.value = "";
          displayName.input.value = "";
          onCreated();
        } catch (error) {
          if (error.status === 400 || error.status === 409) {
            setFieldError(name, describeError(error));
            name.input.focus();
          } else {
            formError.textContent = describeError(error);
          }
        }
      },
    },
    formError,
    name.wrapper,
    displayName.wrapper,
    h("button", { type: "submit", class: "button primary", id: "create-tenant" }, "Create tenant"),
    status,
  );
  return h(
    "section",
    { class: "card", "aria-labelledby": "create-tenant-title" },
    h("h2", { id: "create-tenant-title" }, "Create a tenant"),
    form,
  );
}
