import Foundation

// The backend sample: a platform API that will verify organization and internal tokens issued by
// the control plane (wired in by a later create-authhero release).
let port = ProcessInfo.processInfo.environment["BACKEND_PORT"].flatMap(Int.init) ?? {{backend_port}}
print("backend sample for {{name}} on port \(port)")
