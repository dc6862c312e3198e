import CLibFuzzer
import Foundation
import FuzzSupport
import TaskgateCore

/// libFuzzer's entry point: one input, ISO 8601 repeating intervals or a Serverless Workflow schedule object.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    ScheduleFuzzing.run(.iso8601, start, count)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data.map(UnsafeRawPointer.init) ?? FuzzInput.empty, size) })
