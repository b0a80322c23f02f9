// The organization-isolated token cache lives in portal/org-cache.js, where the portal page (served at
// /portal/) can import it; this path keeps working for apps that import it from here.
export * from "./portal/org-cache.js";
