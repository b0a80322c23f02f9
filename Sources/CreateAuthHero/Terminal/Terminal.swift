import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few terminal facts and operations the command line needs.
enum Terminal {
    /// Whether questions may be asked: stdin and stdout are terminals and `CI` is not set.
    static var allowsPrompts: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// The terminal's width (80 when unknown).
    static var columns: UInt16 {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return size.ws_col
    }

    /// Prompts go to stderr so that stdout stays clean for `--json`.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Shows `prompt` and reads one line; nil at end of input. With `hidden`, echo is turned off
    /// before the prompt appears, so that nothing typed after seeing it can be echoed (secrets).
    static func readLine(prompt: String, hidden: Bool) -> String? {
        guard hidden, isatty(STDIN_FILENO) == 1 else {
            write(prompt)
            return Swift.readLine(strippingNewline: true)
        }
        defer { write("\n") }
        return withMode(
            { $0.c_lflag &= ~tcflag_t(ECHO) },
            run: {
                write(prompt)
                return Swift.readLine(strippingNewline: true)
            })
    }

    /// The mode to put back if Ctrl-C ends the process while the mode is changed.
    nonisolated(unsafe) private static var savedMode = termios()

    /// Runs `body` with the terminal mode changed by `change`, and restores the mode afterwards,
    /// also when Ctrl-C ends the process (a terminal left without echo is unusable).
    static func withMode<T>(_ change: (inout termios) -> Void, run body: () throws -> T) rethrows -> T {
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var changed = saved
        change(&changed)
        savedMode = saved
        signal(SIGINT) { _ in
            tcsetattr(STDIN_FILENO, TCSANOW, &Terminal.savedMode)
            _exit(130)
        }
        // TCSANOW, not TCSAFLUSH: input typed ahead must not be thrown away.
        tcsetattr(STDIN_FILENO, TCSANOW, &changed)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            signal(SIGINT, SIG_DFL)
        }
        return try body()
    }
}
