import Foundation

/// The project's folder as the compiler saw it. Files the server reads at run time (the portal's pages) are found
/// from here, so the directory `serve` happens to start in does not decide what is served.
enum ProjectFolder {
    /// `<project>/Sources/<App>/Configuration/ProjectFolder.swift`, four levels up.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
