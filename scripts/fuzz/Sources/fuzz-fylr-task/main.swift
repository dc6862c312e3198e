import CLibFuzzer
import Foundation
import FuzzSupport
import TaskgateCore

/// libFuzzer's entry point: one input, a fylr task file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    TaskFuzzing.runVendor(.fylr, start, count)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data.map(UnsafeRawPointer.init) ?? FuzzInput.empty, size) })
