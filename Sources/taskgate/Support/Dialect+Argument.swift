public import ArgumentParser
public import TaskgateCore

extension Dialect: ExpressibleByArgument {}
