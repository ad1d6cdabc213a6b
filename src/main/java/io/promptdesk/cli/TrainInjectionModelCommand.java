package io.promptdesk.cli;

import io.promptdesk.model.BadInputException;
import java.nio.file.Files;
import io.promptdesk.engine.validation.injection.training.InjectionModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code promptdesk train-injection-model}: trains and measures the learned prompt-injection classifier. */
@Command(name = "train-injection-model", mixinStandardHelpOptions = true,
        description = "Train the learned prompt-injection classifier from the nine labelled prompt-injection-* sets "
                + "and the repository's hand-written cases, measure it (in-distribution test split and leave-one-source-out), and write the weights, "
                + "their figures and the in-repo test split. Deterministic: the same data gives the same bytes. "
                + "See docs/injection-model.md.",
        footer = {"", "Exit codes: 0 trained, 2 bad usage or input."})
public final class TrainInjectionModelCommand extends CliCommand implements Callable<Integer> {

    /**
     * Where the hand-written cases live. The held-out sets one to eight are trained on too since 2026-12-07 (sixth
     * session); the ninth and tenth never are (see docs/injection-model.md).
     */
    private static final String HAND_WRITTEN = "src/test/resources/devsets/prompt-injection-handwritten/";

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "Folder holding the labelled prompt-injection-* sets (each with its SOURCE.md); they are "
                    + "not in the repository - see docs/injection-model.md for where they come from.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "resources/injection/classifier.bin",
            description = "Weights to write; classifier-figures.json goes beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--test-out", paramLabel = "DIR",
            defaultValue = "src/test/resources/devsets/prompt-injection-model-test",
            description = "Folder for the in-repo test split with its sources' notices (default: ${DEFAULT-VALUE}).")
    Path testOut;

    @Option(names = "--c", paramLabel = "C", defaultValue = "4",
            description = "liblinear's inverse regularisation strength (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--calibration-fpr", paramLabel = "F", defaultValue = "0.01",
            description = "Highest false positive rate on the benign texts trained on, each judged out of fold "
                    + "(default: ${DEFAULT-VALUE}).")
    double calibFpr;

    @Option(names = "--source-fpr", paramLabel = "F", defaultValue = "0.02",
            description = "Highest false positive rate on any one source's benign texts, judged out of fold, for sources with "
                    + "at least 20 of them (default: ${DEFAULT-VALUE}, the goal of issue 15 for the benign sets).")
    double sourceFpr;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Folds of the cross-fitting that calibrates each model: its Platt scaling and threshold are "
                    + "fit on margins of texts the model was not fit on (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--hand-written", paramLabel = "FILE", split = ",",
            defaultValue = HAND_WRITTEN + "cases.tsv," + HAND_WRITTEN + "benign-documents.tsv,"
                    + HAND_WRITTEN + "held-out.tsv," + HAND_WRITTEN + "held-out-english.tsv,"
                    + HAND_WRITTEN + "held-out-languages.tsv," + HAND_WRITTEN + "held-out-planted.tsv,"
                    + HAND_WRITTEN + "held-out-mixed.tsv," + HAND_WRITTEN + "held-out-mixed-2.tsv,"
                    + HAND_WRITTEN + "held-out-7.tsv," + HAND_WRITTEN + "held-out-8.tsv,"
                    + HAND_WRITTEN + "held-out-9.tsv," + HAND_WRITTEN + "held-out-10.tsv,"
                    + HAND_WRITTEN + "held-out-15.tsv," + HAND_WRITTEN + "held-out-17.tsv,"
                    + HAND_WRITTEN + "held-out-18.tsv," + HAND_WRITTEN + "held-out-20.tsv,"
                    + HAND_WRITTEN + "held-out-21.tsv," + HAND_WRITTEN + "held-out-22.tsv",
            description = "Files of hand-written cases, trained on and measured together as a tenth source "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Path> handWritten;

    @Option(names = "--no-hand-written", description = "Train on the nine labelled sets alone.")
    boolean noHandWritten;

    @Option(names = "--no-loso", description = "Skip the leave-one-source-out evaluation (a model per source left out).")
    boolean noLoso;

    @Option(names = "--no-share-alike", description = "Train on no CC BY-SA 4.0 text (XQuAD, BIPIA's Stack Overflow "
            + "answers); they are then only measured.")
    boolean noShareAlike;

    @Override
    public Integer call() throws IOException {
        // The training sets are not shipped with PromptDesk (only the in-repo test split is): say where they come from.
        boolean found;
        try (var entries = java.nio.file.Files.list(data)) {
            found = entries.anyMatch(p -> p.getFileName().toString().startsWith("prompt-injection-"));
        } catch (IOException e) {
            found = false;
        }
        if (!found) {
            throw new BadInputException("--data " + data.toAbsolutePath().normalize()
                    + " holds no prompt-injection-* sets: the labelled training sets are not part of the repository; "
                    + "docs/injection-model.md names each set and its source - pass the folder that holds them");
        }
        if (folds < 2) {
            throw new BadInputException("--folds " + folds + ": cross-fitting needs at least 2");
        }
        for (Path file : noHandWritten ? List.<Path>of() : handWritten) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--hand-written " + file.toAbsolutePath().normalize()
                        + " is not a file: run from the repository's root, pass the cases' paths, or "
                        + "--no-hand-written");
            }
        }
        new InjectionModelTrainer(out()).run(new InjectionModelTrainer.Options(data, out, testOut, c, calibFpr,
                sourceFpr, !noLoso, !noShareAlike, folds, noHandWritten ? List.of() : handWritten));
        return PromptDeskCommand.EXIT_OK;
    }
}
