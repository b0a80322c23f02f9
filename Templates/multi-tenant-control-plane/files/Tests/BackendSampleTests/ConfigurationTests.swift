import Foundation
import Testing

@testable import BackendSample

/// Reading `.env` and the environment into a ``BackendConfiguration``.
@Suite struct ConfigurationTests {
    static let complete = [
        "AUTH_ISSUER": "http://localhost:3000/", "BACKEND_SAMPLE_CLIENT_ID": "backend",
        "BACKEND_SAMPLE_CLIENT_SECRET": "s3cret",
    ]

    @Test func dotEnvLinesAreParsedLikeDotenv() {
        let settings = DotEnvFile.parse(
            """
            # a comment
            AUTH_ISSUER=http://localhost:3000/
            export BACKEND_SAMPLE_CLIENT_ID = "quoted id"
            BACKEND_SAMPLE_CLIENT_SECRET='single # not a comment'
            PLAIN=value # trailing comment
            not a setting
            1BAD=x

            """)
        #expect(
            settings == [
                "AUTH_ISSUER": "http://localhost:3000/", "BACKEND_SAMPLE_CLIENT_ID": "quoted id",
                "BACKEND_SAMPLE_CLIENT_SECRET": "single # not a comment", "PLAIN": "value",
            ])
    }

    @Test func processEnvironmentWinsOverDotEnv() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID().uuidString)")
        try "AUTH_ISSUER=http://file.example/\nBACKEND_SAMPLE_CLIENT_ID=from-file\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try DotEnvFile.load(path: file.path)
        let settings = fromFile.merging(Self.complete) { _, process in process }
        let configuration = try BackendConfiguration(settings: settings)
        #expect(configuration.issuer == "http://localhost:3000/")
        #expect(configuration.clientID == "backend")
    }

    @Test func missingDotEnvFileHasNoSettings() throws {
        #expect(try DotEnvFile.load(path: "/nonexistent/\(UUID().uuidString)/.env").isEmpty)
    }

    @Test func defaultsAreTheDocumentedOnes() throws {
        let configuration = try BackendConfiguration(settings: Self.complete)
        #expect(configuration.customerAudiences == ["https://api.yourplatform.com", "urn:authhero:management"])
        #expect(configuration.controlPlaneURL.absoluteString == "http://localhost:3000/")
        #expect(configuration.auditLogPath == "data/backend-sample-audit.jsonl")
    }

    @Test func audiencesAndServerURLCanBeConfigured() throws {
        var settings = Self.complete
        settings["BACKEND_SAMPLE_AUDIENCES"] = " https://api.example.com , urn:other ,"
        settings["AUTH_SERVER_URL"] = "http://auth:3000/"
        let configuration = try BackendConfiguration(settings: settings)
        #expect(configuration.customerAudiences == ["https://api.example.com", "urn:other"])
        #expect(configuration.controlPlaneURL.absoluteString == "http://auth:3000/")
        #expect(configuration.issuer == "http://localhost:3000/")
    }

    @Test(arguments: ["AUTH_ISSUER", "BACKEND_SAMPLE_CLIENT_ID", "BACKEND_SAMPLE_CLIENT_SECRET"])
    func requiredSettingIsNamedWhenMissing(key: String) {
        var settings = Self.complete
        settings[key] = nil
        #expect(throws: ConfigurationError.missing(key)) { try BackendConfiguration(settings: settings) }
    }

    @Test(arguments: ["http://localhost:3000", "localhost:3000/", "ftp://localhost/", "http:///"])
    func issuerMustBeAnExactHTTPBaseURL(issuer: String) {
        var settings = Self.complete
        settings["AUTH_ISSUER"] = issuer
        #expect(throws: ConfigurationError.self) { try BackendConfiguration(settings: settings) }
    }

    @Test func anEmptyAudienceListIsRefused() {
        var settings = Self.complete
        settings["BACKEND_SAMPLE_AUDIENCES"] = " , "
        #expect(throws: ConfigurationError.self) { try BackendConfiguration(settings: settings) }
    }

    @Test func portComesFromTheOptionThenTheProcessEnvironmentThenTheDefault() throws {
        #expect(try BackendSampleCommand.port(option: 4100, environment: ["PORT": "4200"]) == 4100)
        #expect(try BackendSampleCommand.port(option: nil, environment: ["PORT": "4200"]) == 4200)
        #expect(try BackendSampleCommand.port(option: nil, environment: [:]) == BackendSampleCommand.defaultPort)
        #expect(throws: (any Error).self) { try BackendSampleCommand.port(option: nil, environment: ["PORT": "http"]) }
    }
}
