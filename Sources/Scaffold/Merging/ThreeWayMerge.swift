/// An in-process diff3: merges two descendants of a common base line by line.
///
/// The base is matched against each side (``LineDiff``). A base line matched in both sides is
/// stable; between stable lines, a region changed on one side only takes that side, a region
/// changed identically on both sides is taken once, and anything else is a conflict. As in GNU
/// diff3, edits on adjacent lines with no stable line between them conflict.
public struct ThreeWayMerge: Sendable, Equatable {
    /// One region of the result.
    public enum Chunk: Sendable, Equatable {
        /// Lines agreed on (unchanged, or changed by one side or identically by both).
        case resolved([Substring])
        /// Lines both sides changed differently.
        case conflict(ours: [Substring], base: [Substring], theirs: [Substring])
    }

    /// The merged regions in order.
    public let chunks: [Chunk]

    /// Merges `ours` and `theirs`, both descended from `base`.
    public init(base: String, ours: String, theirs: String) {
        let o = TextLines(base).lines
        let a = TextLines(ours).lines
        let b = TextLines(theirs).lines
        var inOurs = [Int?](repeating: nil, count: o.count)
        for (baseIndex, index) in LineDiff.matches(o, a) { inOurs[baseIndex] = index }
        var inTheirs = [Int?](repeating: nil, count: o.count)
        for (baseIndex, index) in LineDiff.matches(o, b) { inTheirs[baseIndex] = index }

        var chunks: [Chunk] = []
        func emit(_ lines: [Substring]) {
            guard !lines.isEmpty else { return }
            if case .resolved(let previous)? = chunks.last {
                chunks[chunks.count - 1] = .resolved(previous + lines)
            } else {
                chunks.append(.resolved(lines))
            }
        }
        var i = 0
        var j = 0
        var k = 0
        while i < o.count || j < a.count || k < b.count {
            var stable = i
            while stable < o.count, inOurs[stable] == nil || inTheirs[stable] == nil { stable += 1 }
            let ourEnd = stable < o.count ? inOurs[stable]! : a.count
            let theirEnd = stable < o.count ? inTheirs[stable]! : b.count
            let baseSlice = Array(o[i..<stable])
            let ourSlice = Array(a[j..<ourEnd])
            let theirSlice = Array(b[k..<theirEnd])
            if ourSlice == baseSlice {
                emit(theirSlice)
            } else if theirSlice == baseSlice || ourSlice == theirSlice {
                emit(ourSlice)
            } else {
                chunks.append(.conflict(ours: ourSlice, base: baseSlice, theirs: theirSlice))
            }
            guard stable < o.count else { break }
            emit([o[stable]])
            i = stable + 1
            j = ourEnd + 1
            k = theirEnd + 1
        }
        self.chunks = chunks
    }

    /// Whether any region conflicts.
    public var hasConflicts: Bool { conflictCount > 0 }

    /// How many regions conflict.
    public var conflictCount: Int {
        chunks.filter { if case .conflict = $0 { return true } else { return false } }.count
    }

    /// The merged text, conflicts written as diff3-style markers
    /// (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) with the given labels.
    public func text(ours oursLabel: String, base baseLabel: String, theirs theirsLabel: String) -> String {
        var text = ""
        func append(_ lines: [Substring]) {
            for line in lines { text += line }
            if let last = lines.last, !last.hasSuffix("\n") { text += "\n" }
        }
        for chunk in chunks {
            switch chunk {
            case .resolved(let lines):
                text += lines.joined()
            case .conflict(let ours, let base, let theirs):
                if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                text += "<<<<<<< \(oursLabel)\n"
                append(ours)
                text += "||||||| \(baseLabel)\n"
                append(base)
                text += "=======\n"
                append(theirs)
                text += ">>>>>>> \(theirsLabel)\n"
            }
        }
        return text
    }
}
