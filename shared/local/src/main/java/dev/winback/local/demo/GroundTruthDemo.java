package dev.winback.local.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The demo's closing part: the ground-truth base at the demo's size, under the shipped playbook and
 * under the naive weekly policy, each on a fresh runtime, with true against measured lift per rule.
 */
public final class GroundTruthDemo {

    private GroundTruthDemo() {
    }

    public static GroundTruthReport run(Path template, int customers, long seed, PrintStream progressOut) {
        GroundTruthBase base = GroundTruthBase.generate(SyntheticConfig.defaults().withCustomers(customers).withSeed(seed));
        TrueEffects truth = TrueEffects.defaults();
        progressOut.printf("ground truth: %,d customers, %,d events, under the shipped playbook and, beside it, weekly messages%n",
                base.customerIds().size(), base.events().size());
        // The two runs share nothing but the base (each its own runtime and DynamoDB Local, whose one
        // SQLite thread bounds a run): side by side they use both cores. The bar follows the playbook's run.
        CompletableFuture<PolicyOutcome> weekly = CompletableFuture.supplyAsync(() -> GroundTruthRun.run(template,
                base, truth, GroundTruthRun.Policy.WEEKLY_AT_RISK, new PrintStream(OutputStream.nullOutputStream())),
                runnable -> new Thread(runnable, "ground-truth-weekly").start());
        PolicyOutcome playbook = GroundTruthRun.run(template, base, truth, GroundTruthRun.Policy.PLAYBOOK, progressOut);
        return new GroundTruthReport(playbook, weekly.join());
    }

    public static void print(Path template, int customers, long seed, PrintStream out, PrintStream progressOut) {
        run(template, customers, seed, progressOut).print(out);
    }
}
