# fuzz/fuzz.mk: libFuzzer harnesses, included at the end of the top
# Makefile ("include fuzz/fuzz.mk").  See fuzz/README.
#
#   make fuzz                   build, seed and run each harness for
#                               FUZZ_SECONDS (60) seconds; fail on a crash
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS="warc index"
#   make fuzz-regress           run each harness once on each file of
#                               fuzz/regress/NAME/
#   make fuzz-build             build the harnesses only
#   make fuzz-clean             remove build/fuzz
#
# Everything goes to build/fuzz/: objects (built here with clang and the
# fuzzer's flags, never mixed with the normal build), the harnesses,
# corpus/NAME/ (seeded from the project's test inputs, then grown by
# libFuzzer), crashes/NAME/ and logs/NAME.log.  It uses the top
# Makefile's VERSION, DATADIR, ISAL, PKGS, PKG_CONFIG and LIBS.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 25
FUZZ_MAX_LEN ?= 16384
# rule files as long as share/dtag's are seeds whole
FUZZ_MAX_LEN_rules ?= 32768
FUZZ_RSS_MB ?= 2048
FUZZ_FLAGS ?=
FUZZ_TARGETS ?= record fromjson segment sentence warc rules index

FUZZ_DIR = build/fuzz
FUZZ_OBJDIR = $(FUZZ_DIR)/obj
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread -g -O1 \
	-Wall -Wextra \
	-DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
	$(if $(ISAL),-DHAVE_ISAL) -Icommon $(FUZZ_SAN) \
	$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)

# The program whose parts each harness links (none: common/ only).
FUZZ_PROG_record =
FUZZ_PROG_fromjson = djson
FUZZ_PROG_segment = dsplit
FUZZ_PROG_sentence =
FUZZ_PROG_warc = dsplit
FUZZ_PROG_rules = dtag
FUZZ_PROG_index = ddedup

# common/*.c and a program's .c files but main.c, as objects.
FUZZ_COMMON_OBJ = $(COMMON_SRC:%.c=$(FUZZ_OBJDIR)/%.o)
FUZZ_PROG_OBJ = $(patsubst %.c,$(FUZZ_OBJDIR)/%.o, \
	$(filter-out %/main.c,$(wildcard cmd/$(1)/*.c)))

$(FUZZ_OBJDIR)/%.o: %.c | fuzz-deps
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP \
		-c -o $@ $<

# Rebuild the gzip code when ISA-L comes or goes (as the top Makefile).
$(FUZZ_DIR)/.gzip-lib: fuzz-force
	@mkdir -p $(@D)
	@echo $(if $(ISAL),isal,zlib) | cmp -s - $@ || \
		echo $(if $(ISAL),isal,zlib) >$@
$(FUZZ_OBJDIR)/common/inflate_isal.o $(FUZZ_OBJDIR)/common/inflate_zlib.o: \
	$(FUZZ_DIR)/.gzip-lib

# clang and its libFuzzer runtime, installed when missing (tools/deps).
fuzz-deps:
	@tools/deps fuzz

define FUZZ_HARNESS_RULE
$(FUZZ_DIR)/fuzz_$(1): fuzz/fuzz_$(1).c fuzz/fuzz.h $(FUZZ_COMMON_OBJ) \
	$(if $(FUZZ_PROG_$(1)),$(call FUZZ_PROG_OBJ,$(FUZZ_PROG_$(1)))) \
	| fuzz-deps
	@mkdir -p $$(@D)
	$$(FUZZ_CC) $$(FUZZ_CFLAGS) \
		$(if $(FUZZ_PROG_$(1)),-Icmd/$(FUZZ_PROG_$(1))) \
		-fsanitize=fuzzer -MMD -MP -o $$@ $$< $$(filter %.o,$$^) \
		$$(LIBS)
endef
$(foreach FUZZ_T,$(FUZZ_TARGETS),$(eval $(call FUZZ_HARNESS_RULE,$(FUZZ_T))))

# Seeds: the project's own test inputs, copied into the corpus (named
# seed-*, so that a new seed run replaces them and libFuzzer's own files,
# named by their hash, stay), and the regression inputs.
# djson's cases whose arguments hold -d read JSON; the others, records.
FUZZ_DJSON_D = $(foreach FUZZ_A,$(wildcard tests/djson/*.args), \
	$(if $(filter -d,$(file <$(FUZZ_A))),$(FUZZ_A:.args=.in)))
FUZZ_SEEDS_record = $(wildcard tests/ddedup/*.in tests/dtag/*.in \
	tests/dsplit/records-*.in tests/*/files/*.rec) \
	$(filter-out $(FUZZ_DJSON_D),$(wildcard tests/djson/*.in))
FUZZ_SEEDS_fromjson = $(wildcard $(FUZZ_DJSON_D) tests/djson/files/*.jsonl \
	sample/*.jsonl)
FUZZ_SEEDS_segment = $(filter-out tests/dsplit/warc% tests/dsplit/records%, \
	$(wildcard tests/dsplit/*.in)) $(wildcard tests/dsplit/files/*.txt \
	sample/sample.txt)
FUZZ_SEEDS_sentence = $(wildcard tests/dsplit/unit-sent*.in \
	tests/dsplit/records-sent.in)
FUZZ_SEEDS_warc = $(wildcard tests/dsplit/warc*.in tests/dsplit/files/*.warc)
FUZZ_SEEDS_rules = $(wildcard tests/dtag/files/*.rules \
	tests/dtag/files/rules.txt share/dtag/*.rules share/dtag/*.words)
FUZZ_SEEDS_index =
# Seeds also given gzipped: the way in through input.c's gzip reader.
FUZZ_GZIP_record = $(wildcard tests/dtag/files/*.rec)
FUZZ_GZIP_warc = $(FUZZ_SEEDS_warc)

# More seeding for some harnesses, after the copies.  The segmenter's
# first byte chooses its options (fuzz_segment.c): each text is given
# three times, -u doc, -u para through the reader, -u sent as a record's
# body.  The sentence splitter takes the golden file's cases one by one.
define FUZZ_SEED_MORE_segment
cd $(FUZZ_DIR)/corpus/segment && for f in seed-*; do \
	case $$f in seed-regress-*|*.doc|*.para|*.sent) continue;; esac; \
	{ printf '\000'; cat "$$f"; } >"$$f.doc" && \
	{ printf '\041'; cat "$$f"; } >"$$f.para" && \
	{ printf '\102'; cat "$$f"; } >"$$f.sent" && \
	rm -f "$$f" || exit 1; \
done
endef
define FUZZ_SEED_MORE_sentence
awk -v d=$(FUZZ_DIR)/corpus/sentence ' \
	/^---$$/ { if (f) close(f); n++; f = d "/seed-golden-" n; skip = 0; \
	    next } \
	/^>>>$$/ { skip = 1; next } \
	f && !skip && !/^#/ { print > f }' tests/sentences/golden.txt
endef

fuzz-seed-%:
	@rm -rf $(FUZZ_DIR)/corpus/$*/seed-*
	@mkdir -p $(FUZZ_DIR)/corpus/$*
	@for f in $(FUZZ_SEEDS_$*); do \
		cp "$$f" "$(FUZZ_DIR)/corpus/$*/seed-$$(echo "$$f" | \
		    tr / -)" || exit 1; \
	done
	@for f in $(FUZZ_GZIP_$*); do \
		gzip -9nc "$$f" >"$(FUZZ_DIR)/corpus/$*/seed-$$(echo "$$f" | \
		    tr / -).gz" || exit 1; \
	done
	@for f in fuzz/regress/$*/*; do \
		[ ! -f "$$f" ] || \
		    cp "$$f" "$(FUZZ_DIR)/corpus/$*/seed-regress-$${f##*/}" \
		    || exit 1; \
	done
	@$(or $(FUZZ_SEED_MORE_$*),:)

# Run one harness; fuzz looks at its exit status, log and new crashes.
# TMPDIR is build/fuzz/tmp/NAME: fuzz_rules makes its folder there, left
# behind when it crashes.
fuzz-run-%: $(FUZZ_DIR)/fuzz_% fuzz-seed-%
	@rm -rf $(FUZZ_DIR)/tmp/$*
	@mkdir -p $(FUZZ_DIR)/crashes/$* $(FUZZ_DIR)/logs $(FUZZ_DIR)/tmp/$*
	@touch $(FUZZ_DIR)/logs/$*.start
	@echo "fuzz: $* for $(FUZZ_SECONDS) seconds: $(FUZZ_DIR)/logs/$*.log"
	@TMPDIR=$(CURDIR)/$(FUZZ_DIR)/tmp/$* \
		$(FUZZ_DIR)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
		-timeout=$(FUZZ_TIMEOUT) \
		-max_len=$(or $(FUZZ_MAX_LEN_$*),$(FUZZ_MAX_LEN)) \
		-rss_limit_mb=$(FUZZ_RSS_MB) -close_fd_mask=2 \
		-print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/crashes/$*/ $(FUZZ_FLAGS) \
		$(FUZZ_DIR)/corpus/$* </dev/null \
		>$(FUZZ_DIR)/logs/$*.log 2>&1; \
		echo $$? >$(FUZZ_DIR)/logs/$*.status

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

# The summary, from libFuzzer's final stats line: "#RUNS DONE cov: C
# ft: F corp: ... exec/s: E", or the last before a crash; with -fork=N,
# "#RUNS: cov: C ft: F corp: N exec/s E ...".  A harness fails when
# libFuzzer exits with an error or leaves a new file in crashes/NAME/.
FUZZ_STATS_RE = ^\#[0-9]+(:|[[:space:]]+(INITED|NEW|REDUCE|pulse|DONE|RELOAD))[[:space:]]
fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)
	@echo "fuzz: $(FUZZ_SECONDS) seconds each"
	@printf '%-10s %10s %8s %8s %8s  %s\n' harness runs exec/s cov ft result
	@fail=0; for t in $(FUZZ_TARGETS); do \
		log=$(FUZZ_DIR)/logs/$$t.log; \
		st=$$(cat $(FUZZ_DIR)/logs/$$t.status 2>/dev/null || echo 1); \
		line=$$(grep -aE '$(FUZZ_STATS_RE)' $$log | tail -n 1); \
		runs=$$(echo "$$line" | sed -n 's/^#\([0-9]*\).*/\1/p'); \
		eps=$$(echo "$$line" | \
		    sed -n 's/.* exec\/s:\{0,1\} \([0-9]*\).*/\1/p'); \
		cov=$$(echo "$$line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p'); \
		ft=$$(echo "$$line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p'); \
		new=$$(find $(FUZZ_DIR)/crashes/$$t -type f \
		    -newer $(FUZZ_DIR)/logs/$$t.start 2>/dev/null); \
		if [ "$$st" = 0 ] && [ -z "$$new" ]; then res=ok; else \
			res="FAILED (exit $$st): $$(grep -a -m 1 \
			    -e '^==[0-9]*==ERROR' -e 'ERROR: libFuzzer' \
			    -e '^fuzz: ' $$log | cut -c 1-100)"; \
			fail=1; \
		fi; \
		printf '%-10s %10s %8s %8s %8s  %s\n' $$t "$${runs:--}" \
		    "$${eps:--}" "$${cov:--}" "$${ft:--}" "$$res"; \
		for f in $$new; do echo "           $$f"; done; \
	done; \
	if [ $$fail != 0 ]; then \
		echo "fuzz: crashes in $(FUZZ_DIR)/crashes/: see fuzz/README"; \
		exit 1; \
	fi

# Each harness once on each file of fuzz/regress/NAME/ (not .keep).
fuzz-regress: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)
	@mkdir -p $(FUZZ_DIR)/logs
	@fail=0; for t in $(FUZZ_TARGETS); do \
		set -- fuzz/regress/$$t/*; \
		if [ ! -f "$$1" ]; then \
			echo "fuzz-regress: $$t: no inputs"; continue; \
		fi; \
		rm -rf $(FUZZ_DIR)/tmp/$$t; mkdir -p $(FUZZ_DIR)/tmp/$$t; \
		if TMPDIR=$(CURDIR)/$(FUZZ_DIR)/tmp/$$t \
		    $(FUZZ_DIR)/fuzz_$$t "$$@" </dev/null \
		    >$(FUZZ_DIR)/logs/regress-$$t.log 2>&1; then \
			echo "fuzz-regress: $$t: $$# inputs ok"; \
		else \
			echo "fuzz-regress: $$t: FAILED:" \
			    "$(FUZZ_DIR)/logs/regress-$$t.log"; \
			grep -a -e '^Running:' -e 'ERROR' -e '^fuzz: ' \
			    $(FUZZ_DIR)/logs/regress-$$t.log | tail -n 3; \
			fail=1; \
		fi; \
	done; \
	exit $$fail

fuzz-clean:
	rm -rf $(FUZZ_DIR)

fuzz-force:

.PHONY: fuzz fuzz-build fuzz-regress fuzz-clean fuzz-force fuzz-deps
.PRECIOUS: $(FUZZ_DIR)/fuzz_%
