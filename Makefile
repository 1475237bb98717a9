# The toolkit: dsplit, ddedup, dtag, djson.
#
#   make                  build bin/dsplit bin/ddedup bin/dtag bin/djson
#   make check            install missing packages, build, run every test
#   make check SANITIZE=1 the same, built with ASan and UBSan
#   make check CC=clang   the same, built with clang
#   make check ZLIB_ONLY=1 the same, gzip input with zlib, not ISA-L
#   make demo             install missing packages, build, run the pipeline
#                         on sample/sample.txt.gz
#   make bench            speed and memory against cat, zcat and jq
#   make bench-scale      dsplit's time and memory at 50M, 200M, 800M
#   make bench-jobs       examples/Makefile on 8 dumps, with make -j1 and -j2
#   make lint             cppcheck
#   make install PREFIX=/usr/local DESTDIR=
#   make clean

VERSION = 0.1.0
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
# dtag's shipped rule files and word lists (share/dtag/).
DATADIR = $(PREFIX)/share/dtag
SHARED = ../shared

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
PKG_CONFIG ?= pkg-config
PKGS = jansson libpcre2-8 zlib libxxhash

# Gzip input: with ISA-L when pkg-config finds it (libisal-dev), unless
# ZLIB_ONLY=1; with zlib otherwise (common/inflate.h).
ifneq ($(ZLIB_ONLY),1)
ifeq ($(shell $(PKG_CONFIG) --exists libisal 2>/dev/null && echo y),y)
ISAL = 1
PKGS += libisal
endif
endif

PROGS = dsplit ddedup dtag djson

# Objects go to a folder per compiler, and sanitizer builds (with their
# programs) and zlib-only builds to their own, so that builds never mix.
ifeq ($(ZLIB_ONLY),1)
ZLIB_SUFFIX = -zlib
endif
ifeq ($(SANITIZE),1)
OUT = build/$(notdir $(CC))$(ZLIB_SUFFIX)-san
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
BIN = $(OUT)/bin
else
OUT = build/$(notdir $(CC))$(ZLIB_SUFFIX)
SAN =
BIN = bin
endif

WARN = -Wall -Wextra -Werror
# -pthread: gzip input is decompressed on a thread of its own (input.c).
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) \
	-DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
	$(if $(ISAL),-DHAVE_ISAL) -Icommon \
	$(CFLAGS) $(SAN) \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
ALL_LDFLAGS = -pthread $(LDFLAGS) $(SAN)
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || \
	echo -ljansson -lpcre2-8 -lz -lxxhash $(if $(ISAL),-lisal)) -lm

COMMON_SRC = $(wildcard common/*.c)
COMMON_OBJ = $(COMMON_SRC:%.c=$(OUT)/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)

# The objects of program P: every .c file in cmd/P/.
prog_obj = $(patsubst %.c,$(OUT)/%.o,$(wildcard cmd/$(1)/*.c))

all: build-deps $(PROGS:%=$(BIN)/%)

build-deps:
	@CC="$(CC)" SANITIZE="$(SANITIZE)" tools/deps -n build

# Stamps hold what a build depends on beyond its files, rewritten only
# when that changes: bin/ is shared by builds from different objects
# (ZLIB_ONLY=1 or not, CC), and libisal-dev may come or go between builds.
$(BIN)/.objects $(OUT)/.gzip-lib: FORCE
	@mkdir -p $(@D)
	@echo $(STAMP) | cmp -s - $@ || echo $(STAMP) >$@
$(BIN)/.objects: STAMP = $(OUT)
$(OUT)/.gzip-lib: STAMP = $(if $(ISAL),isal,zlib)
$(OUT)/common/inflate_isal.o $(OUT)/common/inflate_zlib.o: $(OUT)/.gzip-lib

define prog_rule
$(BIN)/$(1): $(call prog_obj,$(1)) $(COMMON_OBJ) $(BIN)/.objects
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(LIBS)
endef
$(foreach p,$(PROGS),$(eval $(call prog_rule,$(p))))

$(OUT)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Unit tests link common/ and the program parts they test.
UNIT_PROGS = djson dsplit ddedup dtag
UNIT_OBJ = $(filter-out %/main.o, \
	$(foreach p,$(UNIT_PROGS),$(call prog_obj,$(p))))

$(OUT)/tests/%: tests/unit/%.c $(COMMON_OBJ) $(UNIT_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(UNIT_PROGS:%=-Icmd/%) -MMD -MP $(ALL_LDFLAGS) \
		-o $@ $< $(COMMON_OBJ) $(UNIT_OBJ) $(LIBS)

units: $(UNIT_BIN)

check:
	@CC="$(CC)" SANITIZE="$(SANITIZE)" tools/deps check
	@$(MAKE) --no-print-directory all units
	@BIN=$(BIN) UNITS=$(OUT)/tests SHARED=$(SHARED) tests/run

# The tests with each program run under valgrind (memory errors and
# definite leaks fail a test); the 200 MB tests are skipped.
check-valgrind:
	@CC="$(CC)" tools/deps valgrind
	@$(MAKE) --no-print-directory all units
	@VALGRIND=1 BIN=$(BIN) UNITS=$(OUT)/tests SHARED=$(SHARED) tests/run

demo:
	@CC="$(CC)" tools/deps build
	@$(MAKE) --no-print-directory all
	bin/dsplit sample/sample.txt.gz | bin/ddedup | bin/dtag | bin/djson

bench:
	@CC="$(CC)" tools/deps bench
	@$(MAKE) --no-print-directory all
	@SHARED=$(SHARED) bench/run

# Static checks: cppcheck, then clang-tidy with .clang-tidy's checks on
# each source file, two at a time.
LINT_SRC = $(wildcard common/*.c cmd/*/*.c tests/unit/*.c fuzz/*.c)
LINT_FLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DVERSION='"$(VERSION)"' \
	-DDATADIR='"$(DATADIR)"' -DHAVE_ISAL -Icommon -Ifuzz \
	$(UNIT_PROGS:%=-Icmd/%) $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LINT_JOBS ?= 2

lint:
	@tools/deps lint
	cppcheck --enable=warning,performance,portability --std=c11 -q \
		--error-exitcode=1 -Icommon -D_POSIX_C_SOURCE=200809L \
		common cmd tests/unit fuzz
	@echo "clang-tidy: $(words $(LINT_SRC)) files"
	@printf '%s\n' $(LINT_SRC) | xargs -P $(LINT_JOBS) -I{} \
		clang-tidy --quiet {} -- $(LINT_FLAGS) 2>/dev/null | \
		{ ! grep -A3 -E '(warning|error):'; }

bench-scale:
	@CC="$(CC)" tools/deps bench
	@$(MAKE) --no-print-directory all
	@SHARED=$(SHARED) bench/scale

bench-jobs:
	@CC="$(CC)" tools/deps bench
	@$(MAKE) --no-print-directory all
	@SHARED=$(SHARED) bench/jobs

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DATADIR)
	cp $(PROGS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)/
	cp $(PROGS:%=man/%.1) $(DESTDIR)$(MANDIR)/man1/
	cp man/dstream.5 $(DESTDIR)$(MANDIR)/man5/
	cp share/dtag/* $(DESTDIR)$(DATADIR)/

clean:
	rm -rf build bin

.PHONY: all build-deps units check check-valgrind demo bench bench-scale bench-jobs lint install clean \
	FORCE

-include $(shell find build -name '*.d' 2>/dev/null)

include fuzz/fuzz.mk
