/// The id of the tenant that runs the platform's own portal.
public enum ControlPlane {
    public static let tenantID = "control-plane"
}
