/// The id of the tenant that runs the platform's own portal (see ARCHITECTURE.md, "Every tenant is its own issuer").
public enum ControlPlane {
    public static let tenantID = "control-plane"
}
