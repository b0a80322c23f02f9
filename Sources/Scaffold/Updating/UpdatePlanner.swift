import Foundation

/// Plans bringing a generated project to a template's current version (or re-rendering it with
/// changed answers) without losing the user's edits.
///
/// Base is the pristine copy (what was generated last time), ours the files on disk, theirs the new
/// rendering. `once` and `artifact` files are never touched; `vendored` files are replaced as a
/// whole; `managed` files follow ``UpdatePlan/Action``.
public struct UpdatePlanner: Sendable {
    /// The template at its new version.
    public let template: Template

    public init(template: Template) {
        self.template = template
    }

    /// Plans the update of `project` with fully resolved `answers`.
    /// - Throws: ``ScaffoldError/templateMismatch(project:offered:)``, ``ScaffoldError/downgrade(template:project:generator:)``,
    ///   or rendering errors.
    ///   `extra` files join the rendering as in ``TemplateRenderer/render(name:answers:extra:)``.
    ///   Edited vendored files stop the plan (``ScaffoldError/vendoredFilesModified(paths:)``)
    ///   unless `replacingEditedVendoredFiles` (`--force`).
    public func plan(
        _ project: GeneratedProject, answers: Answers, extra: [RenderedFile] = [],
        replacingEditedVendoredFiles: Bool = false
    ) throws(ScaffoldError) -> UpdatePlan {
        let manifest = template.manifest
        guard project.record.template.id == manifest.id else {
            throw .templateMismatch(project: project.record.template.id, offered: manifest.id)
        }
        if let recorded = TemplateVersion(project.record.template.version),
            let current = TemplateVersion(manifest.version),
            recorded > current
        {
            throw .downgrade(
                template: manifest.id, project: project.record.template.version, generator: manifest.version)
        }
        let theirs = try TemplateRenderer(template: template).render(
            name: ProjectName(project.record.name), answers: answers, extra: extra)
        let labels = Labels(from: project.record.template.version, to: manifest.version)

        var entries: [UpdatePlan.Entry] = []
        var modifiedVendored: [String] = []
        var consumed = Set<String>()
        for file in theirs.files {
            switch file.class {
            case .artifact:
                continue
            case .once:
                // A `once` file new in this template version is created; an existing one is the user's.
                if project.record.files[file.path] == nil, project.contents(of: file.path) == nil {
                    entries.append(entry(file, .create))
                }
            case .vendored:
                let ours = project.contents(of: file.path)
                if ours != nil, ours != file.contents, project.isEdited(file.path) {
                    modifiedVendored.append(file.path)
                }
                entries.append(entry(file, ours == file.contents ? .unchanged : (ours == nil ? .create : .replace)))
            case .managed where file.path == AnswersFile.path || file.path == PristineCopy.path:
                entries.append(entry(file, project.contents(of: file.path) == file.contents ? .unchanged : .replace))
            case .managed:
                if project.pristine[file.path] == nil, project.contents(of: file.path) == nil,
                    let old = file.renamedFrom, project.pristine[old] != nil || project.contents(of: old) != nil
                {
                    consumed.insert(old)
                    let resolved = resolve(
                        base: project.pristine[old], ours: project.contents(of: old), theirs: file, labels: labels)
                    entries.append(
                        resolved.action == .stayDeleted
                            ? resolved
                            : .init(
                                path: file.path, action: .rename, from: old,
                                contents: resolved.contents ?? project.contents(of: old),
                                executable: file.executable, conflicts: resolved.conflicts))
                } else if project.pristine[file.path] == nil, project.contents(of: file.path) != nil,
                    !project.isEdited(file.path)
                {
                    // No pristine copy (a project from an older generator), but the recorded hash
                    // still proves the user never edited the file.
                    entries.append(
                        entry(file, project.contents(of: file.path) == file.contents ? .unchanged : .replace))
                } else {
                    entries.append(
                        resolve(
                            base: project.pristine[file.path], ours: project.contents(of: file.path),
                            theirs: file, labels: labels))
                }
            }
        }
        let rendered = Set(theirs.files.map(\.path))
        let dropped = Set(project.pristine.keys).union(project.vendored).subtracting(rendered).subtracting(consumed)
        for path in dropped.sorted() {
            guard let ours = project.contents(of: path) else { continue }
            if project.vendored.contains(path) {
                if project.isEdited(path) { modifiedVendored.append(path) }
                entries.append(
                    .init(path: path, action: .delete, from: nil, contents: nil, executable: false, conflicts: 0))
            } else {
                let action: UpdatePlan.Action = ours == project.pristine[path] ? .delete : .keepRemoved
                entries.append(
                    .init(path: path, action: action, from: nil, contents: nil, executable: false, conflicts: 0))
            }
        }
        if !modifiedVendored.isEmpty, !replacingEditedVendoredFiles {
            throw .vendoredFilesModified(paths: modifiedVendored.sorted())
        }
        return UpdatePlan(
            target: project.directory, fromVersion: project.record.template.version, toVersion: manifest.version,
            entries: entries.sorted { $0.path < $1.path }, modifiedVendoredFiles: modifiedVendored.sorted()
        )
    }

    /// The conflict-marker labels.
    struct Labels {
        let ours = "yours"
        let base: String
        let theirs: String

        init(from: String, to: String) {
            base = "template \(from) (as generated)"
            theirs = "template \(to)"
        }
    }

    /// The three-way decision for one managed file.
    private func resolve(base: Data?, ours: Data?, theirs file: RenderedFile, labels: Labels) -> UpdatePlan.Entry {
        let theirs = file.contents
        guard let ours else { return entry(file, base == nil ? .create : .stayDeleted) }
        if ours == theirs { return entry(file, .unchanged) }
        if let base, ours == base { return entry(file, .replace) }
        if let base, theirs == base { return entry(file, .keep) }
        guard let oursText = String(data: ours, encoding: .utf8),
            let theirsText = String(data: theirs, encoding: .utf8),
            let baseText = base.map({ String(data: $0, encoding: .utf8) }) ?? ""
        else {
            // Bytes that are not text cannot carry markers: the user's copy stays, reported as a conflict.
            return .init(
                path: file.path, action: .conflict, from: nil, contents: nil, executable: file.executable, conflicts: 1)
        }
        let merge = ThreeWayMerge(base: baseText, ours: oursText, theirs: theirsText)
        let text = merge.text(ours: labels.ours, base: labels.base, theirs: labels.theirs)
        return .init(
            path: file.path, action: merge.hasConflicts ? .conflict : .merge, from: nil, contents: Data(text.utf8),
            executable: file.executable, conflicts: merge.conflictCount)
    }

    private func entry(_ file: RenderedFile, _ action: UpdatePlan.Action) -> UpdatePlan.Entry {
        let writes: Set<UpdatePlan.Action> = [.replace, .create]
        return .init(
            path: file.path, action: action, from: nil, contents: writes.contains(action) ? file.contents : nil,
            executable: file.executable, conflicts: 0)
    }
}
