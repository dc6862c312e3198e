#!/usr/bin/env python3
"""Checks that the files under deploy/ agree with each other and with the code of `taskgate serve`.

What no schema says: the Containerfile's stages are named and referenced, every COPY source
exists, the binary comes from `swift build --show-bin-path` of an executable product the package
declares, and the image holds the runtime libraries, mappings/ and a non-root user; the
Kubernetes objects select the same labels, reference existing names, keys, ports and mount paths,
and hand taskgate only settings and environment variables it reads; the systemd files name only
variables and settings taskgate reads; nginx's body limit is taskgate's own.

    python3 scripts/deploy/check_consistency.py DEPLOY_DIR

Prints every problem found, one per line, and exits 1 when there is any.
"""

import json
import pathlib
import re
import shlex
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
SERVE = ROOT / "Sources/taskgate/Serve"
PROXY_CONFIGURATION = ROOT / "Sources/TaskgateProxy/Configuration/ProxyConfiguration.swift"

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")


# ---- what taskgate serve reads ---------------------------------------------------------------


def serve_config_keys() -> set[str]:
    """The keys `ServeSettings.apply(yaml:)` accepts: its `case "key":` labels."""
    text = (SERVE / "ServeSettings.swift").read_text()
    body = text[text.index("mutating func apply(yaml") :]
    keys = set(re.findall(r'case "([a-z-]+)":', body))
    if not keys:
        problem("ServeSettings.swift", "no `case \"key\":` found in apply(yaml:); update this check")
    return keys


def serve_environment() -> set[str]:
    """The environment variables `serve` reads, and TASKGATE_MAPPINGS (read by every command)."""
    text = (SERVE / "ServeCommand.swift").read_text()
    names = set(re.findall(r'environment\["(TASKGATE_[A-Z_]+)"\]', text))
    if not names:
        problem("ServeCommand.swift", "no environment[\"TASKGATE_…\"] found; update this check")
    return names | {"TASKGATE_MAPPINGS"}


def serve_flags() -> set[str]:
    """The long flags of `serve`: its @Option/@Flag properties, spelled as argument-parser does."""
    text = (SERVE / "ServeCommand.swift").read_text()
    flags = set(re.findall(r'customLong\("([a-z-]+)"\)', text))
    for name in re.findall(r"@(?:Option|Flag)\((?:(?!customLong).)*?\)\s*var (\w+)", text, re.S):
        flags.add(re.sub(r"([A-Z])", lambda match: "-" + match.group(1).lower(), name))
    # `--strict`/`--lenient` are the cases of the loss-policy EnumerableFlag.
    flags = (flags - {"loss-policy"}) | {"strict", "lenient", "mappings"}
    return flags


def maximum_body_bytes() -> int | None:
    """The proxy's default body limit, `maximumBodyBytes: Int = A * B`."""
    match = re.search(r"maximumBodyBytes: Int = ([\d_]+)(?: \* ([\d_]+))?", PROXY_CONFIGURATION.read_text())
    if not match:
        problem(str(PROXY_CONFIGURATION), "maximumBodyBytes default not found; update this check")
        return None
    value = int(match.group(1).replace("_", ""))
    if match.group(2):
        value *= int(match.group(2).replace("_", ""))
    return value


def check_serve_arguments(where: str, arguments: list[str], flags: set[str]) -> None:
    for argument in arguments:
        if argument.startswith("--"):
            name = argument[2:].split("=", 1)[0]
            if name not in flags:
                problem(where, f"'{argument}' is not a flag of taskgate serve (flags: {', '.join(sorted(flags))})")


def check_config(where: str, text: str, keys: set[str]) -> dict:
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as error:
        problem(where, f"the serve config is not YAML: {error}")
        return {}
    if not isinstance(config, dict):
        problem(where, "the serve config is not a mapping of settings")
        return {}
    for key in config:
        if key not in keys:
            problem(where, f"'{key}' is not a serve setting; expected one of {', '.join(sorted(keys))}")
    for secret in ("front-token", "upstream-token"):
        if secret in config:
            problem(where, f"'{secret}' is a secret: pass it in the environment, not in the config file")
    if isinstance(config.get("store"), str) and config["store"].startswith("postgres"):
        problem(where, "a PostgreSQL URL carries a password: pass it with --store from a secret")
    return config


# ---- Containerfile -----------------------------------------------------------------------------


def containerfile_instructions(path: pathlib.Path) -> list[tuple[int, str, str]]:
    """(line, INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    instructions = []
    pending = ""
    start = 0
    for number, line in enumerate(path.read_text().splitlines(), 1):
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        pending += stripped
        keyword, _, rest = pending.partition(" ")
        instructions.append((start, keyword.upper(), rest.strip()))
        pending = ""
    return instructions


def check_containerfile(deploy: pathlib.Path, products: dict) -> dict:
    path = deploy / "Containerfile"
    where = str(path)
    instructions = containerfile_instructions(path)
    stages: list[str] = []
    stage_bases: dict[str, str] = {}
    produced: dict[str, set[str]] = {}
    facts = {"user": None, "expose": set(), "env": {}, "copied": {}, "cmd": [], "packages": set()}
    current = None
    for line, keyword, rest in instructions:
        at = f"{where}:{line}"
        if keyword == "FROM":
            match = re.fullmatch(r"(\S+) AS (\S+)", rest, re.IGNORECASE)
            if not match:
                problem(at, f"stage '{rest}' has no name (FROM IMAGE AS NAME)")
                continue
            current = match.group(2)
            if current in stages:
                problem(at, f"stage name '{current}' used twice")
            stages.append(current)
            stage_bases[current] = match.group(1)
            produced[current] = set()
            facts["user"] = None
            facts["packages"] = set()
        elif keyword == "RUN":
            for built in re.findall(r"swift build ([^&;]*)", rest):
                product = re.search(r"--product (\S+)", built)
                if not product:
                    problem(at, "swift build without --product")
                elif products.get(product.group(1)) != "executable":
                    problem(at, f"--product {product.group(1)} is not an executable product of Package.swift")
            for source, binary, target in re.findall(
                r'cp "\$\(swift build ([^)]*)--show-bin-path\)/(\S+)" (\S+)', rest
            ):
                produced[current].add(target)
                if products.get(binary) != "executable":
                    problem(at, f"copies {binary} from the bin path, not an executable product")
                if "-c release" not in source:
                    problem(at, "the binary is copied from a debug bin path (no -c release)")
            if "--show-bin-path" not in rest and "swift build" in rest:
                problem(at, "the binary's path must come from `swift build --show-bin-path`, not a guessed layout")
            for packages in re.findall(r"apt-get install ([^&;]*)", rest):
                facts["packages"] |= {word for word in packages.split() if not word.startswith("-")}
        elif keyword == "COPY":
            words = shlex.split(rest)
            options = [word for word in words if word.startswith("--")]
            paths = [word for word in words if not word.startswith("--")]
            if len(paths) < 2:
                problem(at, "COPY needs a source and a destination")
                continue
            sources, destination = paths[:-1], paths[-1]
            origin = next((option.split("=", 1)[1] for option in options if option.startswith("--from=")), None)
            for source in sources:
                if origin is None:
                    if not (ROOT / source).exists():
                        problem(at, f"COPY source '{source}' does not exist in the repository")
                    facts["copied"][destination] = source
                elif origin not in stages or origin == current:
                    problem(at, f"COPY --from={origin} names no earlier stage ({', '.join(stages)})")
                elif source not in produced.get(origin, set()):
                    problem(at, f"COPY --from={origin} {source}: stage {origin} writes no such file")
        elif keyword == "USER":
            facts["user"] = rest.split(":")[0]
        elif keyword == "EXPOSE":
            facts["expose"] |= {int(port.split("/")[0]) for port in rest.split()}
        elif keyword == "ENV":
            name, _, value = rest.partition("=")
            facts["env"][name.strip()] = value.strip()
        elif keyword in ("CMD", "ENTRYPOINT"):
            try:
                facts[keyword.lower()] = json.loads(rest)
            except json.JSONDecodeError:
                problem(at, f"{keyword} is not in exec form (a JSON array)")
    if len(stages) < 2:
        problem(where, "not a multi-stage build")
        return facts
    if not stage_bases[stages[0]].startswith("swift:6.3"):
        problem(where, f"the build stage is based on {stage_bases[stages[0]]}, not swift:6.3")
    if stage_bases[stages[-1]] != "debian:bookworm-slim":
        problem(where, f"the run stage is based on {stage_bases[stages[-1]]}, not debian:bookworm-slim")
    for package in ("libcurl4", "libsqlite3-0", "ca-certificates", "tzdata"):
        if package not in facts["packages"]:
            problem(where, f"the run stage does not install {package}")
    if facts["user"] in (None, "root", "0"):
        problem(where, "the run stage runs as root (no USER, or USER root)")
    mappings = facts["env"].get("TASKGATE_MAPPINGS")
    if facts["copied"].get(mappings) != "mappings":
        problem(where, f"TASKGATE_MAPPINGS={mappings} is not where mappings/ is copied")
    command = facts.get("cmd", [])
    if "--port" in command and int(command[command.index("--port") + 1]) not in facts["expose"]:
        problem(where, f"CMD listens on {command[command.index('--port') + 1]}, EXPOSE says {facts['expose']}")
    return facts


# ---- Kubernetes ---------------------------------------------------------------------------------


def selects(selector: dict, labels: dict) -> bool:
    return all(labels.get(key) == value for key, value in (selector or {}).items())


def check_kubernetes(deploy: pathlib.Path, image: dict, keys: set[str], environment: set[str], flags: set[str]):
    folder = deploy / "kubernetes"
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    listed = set(kustomization.get("resources", []))
    present = {path.name for path in folder.glob("*.yaml")} - {"kustomization.yaml"}
    for name in sorted(present - listed):
        problem(str(folder / "kustomization.yaml"), f"{name} is not listed in resources")
    for name in sorted(listed - present):
        problem(str(folder / "kustomization.yaml"), f"resource {name} does not exist")
    objects: dict[tuple[str, str], tuple[str, dict]] = {}
    for name in sorted(present):
        for document in yaml.safe_load_all((folder / name).read_text()):
            if document:
                objects[(document["kind"], document["metadata"]["name"])] = (f"{folder / name}", document)
    deployments = [value for key, value in objects.items() if key[0] == "Deployment"]
    if len(deployments) != 1:
        problem(str(folder), f"expected one Deployment, found {len(deployments)}")
        return
    where, deployment = deployments[0]
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    labels = spec["template"]["metadata"].get("labels", {})
    if spec.get("replicas", 1) < 2:
        problem(where, "fewer than 2 replicas")
    if not selects(spec["selector"].get("matchLabels"), labels):
        problem(where, "the Deployment's selector does not match its pod labels")
    containers = pod["containers"]
    container = next((item for item in containers if item["name"] == "taskgate"), None)
    if container is None:
        problem(where, "no container named taskgate")
        return
    ports = {port["name"]: port["containerPort"] for port in container.get("ports", [])}
    for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")):
        get = container.get(probe, {}).get("httpGet", {})
        if get.get("path") != path:
            problem(where, f"{probe} does not GET {path}")
        if get.get("port") not in ports and get.get("port") not in ports.values():
            problem(where, f"{probe} port {get.get('port')} is not a container port")
    security = {**pod.get("securityContext", {}), **container.get("securityContext", {})}
    for setting, wanted in (
        ("runAsNonRoot", True),
        ("readOnlyRootFilesystem", True),
        ("allowPrivilegeEscalation", False),
    ):
        if security.get(setting) is not wanted:
            problem(where, f"securityContext.{setting} is not {wanted}")
    if image.get("user") and str(security.get("runAsUser")) != image["user"]:
        problem(where, f"runAsUser {security.get('runAsUser')} is not the image's USER {image['user']}")
    if "limits" not in container.get("resources", {}) or "requests" not in container.get("resources", {}):
        problem(where, "the container has no resource requests and limits")
    # Secrets and config maps referenced exist, with the keys referenced.
    defined = {variable["name"] for variable in container.get("env", [])}
    for variable in container.get("env", []):
        reference = variable.get("valueFrom", {}).get("secretKeyRef")
        if reference:
            secret = objects.get(("Secret", reference["name"]))
            if secret is None:
                problem(where, f"env {variable['name']}: no Secret {reference['name']}")
            else:
                data = {**secret[1].get("stringData", {}), **secret[1].get("data", {})}
                if reference["key"] not in data:
                    problem(where, f"env {variable['name']}: Secret {reference['name']} has no key {reference['key']}")
        if variable["name"].startswith("TASKGATE_") and variable["name"] not in environment:
            if f"$({variable['name']})" not in " ".join(container.get("args", [])):
                problem(where, f"env {variable['name']} is neither read by taskgate nor used in args")
    arguments = container.get("args", [])
    for used in re.findall(r"\$\((\w+)\)", " ".join(arguments)):
        if used not in defined:
            problem(where, f"args use $({used}), which no env entry defines")
    if arguments[:1] != ["serve"]:
        problem(where, "args do not start with serve")
    check_serve_arguments(where, arguments, flags)
    volumes = {volume["name"]: volume for volume in pod.get("volumes", [])}
    mounts = {mount["mountPath"]: mount for mount in container.get("volumeMounts", [])}
    for mount in mounts.values():
        if mount["name"] not in volumes:
            problem(where, f"volumeMount {mount['name']} has no volume")
    for name, volume in volumes.items():
        if not any(mount["name"] == name for mount in mounts.values()):
            problem(where, f"volume {name} is not mounted")
        if "configMap" in volume:
            config_map = objects.get(("ConfigMap", volume["configMap"]["name"]))
            if config_map is None:
                problem(where, f"volume {name}: no ConfigMap {volume['configMap']['name']}")
                continue
            for item in volume["configMap"].get("items", []):
                if item["key"] not in config_map[1].get("data", {}):
                    problem(where, f"volume {name}: ConfigMap has no key {item['key']}")
    if security.get("readOnlyRootFilesystem") and "/tmp" not in mounts:
        problem(where, "read-only root file system without a writable /tmp")
    config_path = arguments[arguments.index("--config") + 1] if "--config" in arguments else None
    config_text = None
    if config_path:
        for mount_path, mount in mounts.items():
            volume = volumes.get(mount["name"], {})
            if "configMap" not in volume:
                continue
            config_map = objects.get(("ConfigMap", volume["configMap"]["name"]))
            for item in volume["configMap"].get("items", []):
                if f"{mount_path.rstrip('/')}/{item['path']}" == config_path and config_map:
                    config_text = config_map[1]["data"].get(item["key"])
        if config_text is None:
            problem(where, f"--config {config_path} is not a mounted ConfigMap key")
    if config_text is not None:
        config = check_config(f"{where} (ConfigMap)", config_text, keys)
        port = config.get("port", 8080)
        if port not in ports.values():
            problem(where, f"the config's port {port} is not a containerPort ({sorted(ports.values())})")
        if config.get("host", "127.0.0.1") not in ("0.0.0.0", "::"):
            problem(where, f"the config's host {config.get('host', '127.0.0.1')} is unreachable from probes")
        if image.get("expose") and port not in image["expose"]:
            problem(where, f"the config's port {port} is not EXPOSEd by the Containerfile")
    # Selectors of the Service and the disruption budget pick the Deployment's pods.
    for (kind, name), (file, document) in objects.items():
        if kind == "Service":
            if not selects(document["spec"].get("selector"), labels):
                problem(file, f"Service {name} selects no pod of the Deployment")
            for port in document["spec"].get("ports", []):
                target = port.get("targetPort", port["port"])
                if target not in ports and target not in ports.values():
                    problem(file, f"Service {name} targetPort {target} is not a container port")
        elif kind == "PodDisruptionBudget":
            if not selects(document["spec"]["selector"].get("matchLabels"), labels):
                problem(file, f"PodDisruptionBudget {name} selects no pod of the Deployment")
        elif kind == "Secret":
            for key, value in {**document.get("stringData", {})}.items():
                if "REPLACE-ME" not in str(value):
                    problem(file, f"Secret {name} key {key} is not a REPLACE-ME placeholder")


# ---- systemd and nginx --------------------------------------------------------------------------


def check_systemd(deploy: pathlib.Path, keys: set[str], environment: set[str], flags: set[str]) -> None:
    unit_path = deploy / "systemd/taskgate.service"
    unit = unit_path.read_text()
    settings = dict(
        line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.lstrip().startswith("#")
    )
    where = str(unit_path)
    for name, wanted in (("KillSignal", "SIGTERM"), ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict")):
        if settings.get(name) != wanted:
            problem(where, f"{name} is not {wanted}")
    if settings.get("Type") not in ("exec", "simple"):
        problem(where, "Type is neither exec nor simple")
    if settings.get("DynamicUser") != "yes" and settings.get("User") in (None, "root"):
        problem(where, "runs as root (no DynamicUser and no User)")
    if "StateDirectory" not in settings:
        problem(where, "no StateDirectory for the SQLite store")
    command = shlex.split(settings.get("ExecStart", ""))
    check_serve_arguments(where, command[1:], flags)
    expanded = set(re.findall(r"\$\{(\w+)\}", settings.get("ExecStart", "")))
    example_path = deploy / "systemd/taskgate.env.example"
    variables = set()
    for line in example_path.read_text().splitlines():
        match = re.match(r"#?([A-Z_]+)=(.*)", line.strip())
        if match:
            variables.add(match.group(1))
            if not match.group(0).startswith("#") and match.group(1).endswith("TOKEN"):
                if "REPLACE-ME" not in match.group(2):
                    problem(str(example_path), f"{match.group(1)} is not a REPLACE-ME placeholder")
    for variable in sorted(variables - environment - expanded):
        problem(str(example_path), f"{variable} is neither read by taskgate nor used in ExecStart")
    for variable in sorted(expanded - variables):
        problem(where, f"ExecStart uses ${{{variable}}}, which the environment file example does not set")
    state = settings.get("StateDirectory", "")
    store = next((line.split("=", 1)[1] for line in example_path.read_text().splitlines()
                  if line.startswith("TASKGATE_STORE=")), "")
    if store and not store.startswith("postgres") and not store.startswith(f"/var/lib/{state}/"):
        problem(str(example_path), f"TASKGATE_STORE={store} is outside StateDirectory /var/lib/{state}")
    config_path = command[command.index("--config") + 1] if "--config" in command else None
    if config_path:
        check_config(str(deploy / "systemd/taskgate.yaml"), (deploy / "systemd/taskgate.yaml").read_text(), keys)
        if pathlib.PurePath(config_path).name != "taskgate.yaml":
            problem(where, f"--config {config_path} is not the taskgate.yaml example")


def check_nginx(deploy: pathlib.Path) -> None:
    path = deploy / "nginx/taskgate.conf"
    text = path.read_text()
    limit = maximum_body_bytes()
    match = re.search(r"^\s*client_max_body_size\s+(\d+)([kKmM]?);", text, re.MULTILINE)
    if not match:
        problem(str(path), "no client_max_body_size")
    elif limit is not None:
        value = int(match.group(1)) * {"": 1, "k": 1024, "m": 1024 * 1024}[match.group(2).lower()]
        if value != limit:
            problem(str(path), f"client_max_body_size is {value} bytes, taskgate's limit is {limit}")
    if not re.search(r"proxy_set_header\s+Taskgate-Request-Id\s", text):
        problem(str(path), "the request id is not forwarded as Taskgate-Request-Id")
    if not re.search(r"^\s*upstream\s+\w+\s*\{", text, re.MULTILINE):
        problem(str(path), "no upstream block for the replicas")


def main() -> int:
    deploy = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "deploy")
    # The products of Package.swift (`.executable(name: "taskgate", …)`); read from the text, since
    # `swift package dump-package` waits for a build holding the package's lock.
    products = {
        name: kind for kind, name in re.findall(r'\.(executable|library)\(name: "([^"]+)"', (ROOT / "Package.swift").read_text())
    }
    keys = serve_config_keys()
    environment = serve_environment()
    flags = serve_flags()
    image = check_containerfile(deploy, products)
    check_kubernetes(deploy, image, keys, environment, flags)
    check_systemd(deploy, keys, environment, flags)
    check_nginx(deploy)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
