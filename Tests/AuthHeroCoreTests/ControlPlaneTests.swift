import AuthHeroCore
import Testing

@Test func controlPlaneTenantIDIsFixed() {
    #expect(ControlPlane.tenantID == "control-plane")
}
