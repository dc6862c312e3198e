public import ArgumentParser
public import TaskgateCore

extension Dialect: ExpressibleByArgument {}

extension Product: ExpressibleByArgument {}
