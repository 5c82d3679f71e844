# The packaging recipe every function's Makefile includes for `sam build`
# (Metadata: BuildMethod: makefile in template.yaml).
#
# The Lambda java runtime puts /var/task/lib/*.jar on the classpath, so the artifact is just the
# module's shaded jar in $(ARTIFACTS_DIR)/lib/. The jar normally exists already (scripts/test runs
# Maven first); it is rebuilt here, for the module and its upstream modules only, when it is
# missing or older than a source it is built from.

# sam build runs make with the working directory in a scratch copy of CodeUri (unless given
# --build-in-source) but with the module's own Makefile, so find the module through that file's
# path (the first makefile read), never through `pwd`.
MODULE_DIR := $(patsubst %/,%,$(dir $(realpath $(firstword $(MAKEFILE_LIST)))))
ROOT       := $(realpath $(MODULE_DIR)/../..)
MODULE     := $(notdir $(MODULE_DIR))
# The project version is the first <version> of the root pom (which has no parent).
VERSION    := $(shell sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' '$(ROOT)/pom.xml' | head -n 1)
JAR        := $(MODULE_DIR)/target/$(MODULE)-$(VERSION)-lambda.jar
# `sam build --parallel` may run several of these at once; they share the upstream modules' target/.
LOCK       := $(if $(shell command -v flock),flock '$(ROOT)/pom.xml')
# What `mvn -pl functions/$(MODULE) -am` compiles into the jar; a module that depends on another
# function module names it, relative to the root, in EXTRA_INPUT_DIRS before including this file.
INPUTS     := $(ROOT)/pom.xml $(ROOT)/functions/lambda-shrink.pro $(shell find '$(ROOT)/shared/core' '$(ROOT)/shared/adapters' '$(MODULE_DIR)' \
                $(foreach dir,$(EXTRA_INPUT_DIRS),'$(ROOT)/$(dir)') \
                -path '*/target' -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -print)

.PHONY: lambda-artifact

lambda-artifact: $(JAR)
	@test -n '$(ARTIFACTS_DIR)' || { echo 'error: ARTIFACTS_DIR is not set; run this through sam build' >&2; exit 2; }
	rm -rf '$(ARTIFACTS_DIR)/lib'
	mkdir -p '$(ARTIFACTS_DIR)/lib'
	cp '$(JAR)' '$(ARTIFACTS_DIR)/lib/'

$(JAR): $(INPUTS)
	@test -n '$(VERSION)' || { echo 'error: no <version> found in $(ROOT)/pom.xml' >&2; exit 2; }
	@echo '$(MODULE): $(notdir $@) is missing or stale; building it with Maven (-pl functions/$(MODULE) -am)'
	$(LOCK) bash -c 'source "$(ROOT)/scripts/lib.sh" && mvn_quiet -DskipTests -pl functions/$(MODULE) -am package'
	@test -f '$@' || { echo 'error: Maven finished but did not produce $@ (check the shade plugin configuration of functions/$(MODULE)/pom.xml)' >&2; exit 1; }
