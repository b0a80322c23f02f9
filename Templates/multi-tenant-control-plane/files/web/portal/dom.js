// Building the page without innerHTML: every text from the server goes in through textContent, so a
// tenant or user name can never become markup.

/**
 * Creates `<tag>` with `attributes` (`class`, `for`, `data-*`, `aria-*`, ...; `on*` functions become
 * listeners; `false`/`undefined` values are left out) and `children` (nodes or strings).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === "value") {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Replaces `element`'s children with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled input: `<label for>` + `<input id>` + an error line announced to screen readers. */
export function field({ id, label, type = "text", name = id, required = false, autocomplete, hint, value }) {
  const error = h("p", { class: "field-error", id: `${id}-error`, role: "alert" });
  const input = h("input", {
    id,
    name,
    type,
    required,
    autocomplete,
    value,
    "aria-describedby": `${id}-error${hint ? ` ${id}-hint` : ""}`,
  });
  const wrapper = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    error,
  );
  return { wrapper, input, error };
}

/** Shows `message` in a field's error line (and marks the input invalid), or clears it. */
export function setFieldError(fieldParts, message) {
  fieldParts.error.textContent = message ?? "";
  if (message) {
    fieldParts.input.setAttribute("aria-invalid", "true");
  } else {
    fieldParts.input.removeAttribute("aria-invalid");
  }
}

/** A button that is disabled with the reason shown next to it when `allowed` is false. */
export function guardedButton(label, { allowed, reason, onClick, kind = "secondary", dataset = {} }) {
  const attributes = { type: "button", class: `button ${kind}`, onClick, disabled: !allowed, title: allowed ? undefined : reason };
  for (const [key, value] of Object.entries(dataset)) attributes[`data-${key}`] = value;
  const button = h("button", attributes, label);
  if (allowed) return button;
  return h("span", { class: "guarded" }, button, h("span", { class: "reason" }, reason));
}

/** A search form: a labelled search field and its button; `onSearch` gets the trimmed text. */
export function searchForm({ id, label, value = "", onSearch }) {
  const search = field({ id, label, type: "search", value });
  return h(
    "form",
    {
      class: "inline-form",
      role: "search",
      onSubmit: (event) => {
        event.preventDefault();
        onSearch(search.input.value.trim());
      },
    },
    search.wrapper,
    h("button", { type: "submit", class: "button secondary" }, "Search"),
  );
}

/**
 * Previous / "1–20 of 250" / Next for an Auth0 page (`start`, `limit`, `total`); `go(page)` loads a
 * page. `id` prefixes the buttons' ids.
 */
export function pager({ start = 0, limit = 1, total = 0 }, { page, go, what, id }) {
  const last = Math.max(0, Math.ceil(total / limit) - 1);
  const shown = total === 0 ? `No ${what}` : `${start + 1}–${Math.min(start + limit, total)} of ${total}`;
  return h(
    "nav",
    { class: "pager", "aria-label": `Pages of ${what}` },
    h("button", { type: "button", class: "button secondary", id: `${id}-previous`, disabled: page === 0, onClick: () => go(page - 1) }, "Previous"),
    h("span", { id: `${id}-status` }, shown),
    h("button", { type: "button", class: "button secondary", id: `${id}-next`, disabled: page >= last, onClick: () => go(page + 1) }, "Next"),
  );
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}
