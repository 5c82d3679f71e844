package dev.winback.local.backtest;

import dev.winback.core.model.PurchaseModelType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;

/** The backtest's command line, checked; every problem is an IllegalArgumentException with a message for the user. */
record BacktestArguments(Path elog, LocalDate calibrationEnd, PurchaseModelType model, OptionalInt horizonWeeks,
                         boolean helpRequested) {

    static BacktestArguments parse(String[] args) {
        Path elog = null;
        LocalDate calibrationEnd = null;
        PurchaseModelType model = PurchaseModelType.BG_NBD;
        OptionalInt horizonWeeks = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new BacktestArguments(null, null, model, horizonWeeks, true);
            }
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--elog" -> elog = Path.of(value);
                case "--calibration-end" -> calibrationEnd = date(value);
                case "--model" -> model = PurchaseModelType.fromLabel(value).orElseThrow(() ->
                        new IllegalArgumentException("--model must be bgnbd or mbgnbd, was '" + value + "'"));
                case "--horizon-weeks" -> horizonWeeks = OptionalInt.of(positiveInt(value));
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        if (elog == null) {
            throw new IllegalArgumentException("--elog FILE is required");
        }
        if (calibrationEnd == null) {
            throw new IllegalArgumentException("--calibration-end YYYY-MM-DD is required");
        }
        return new BacktestArguments(elog, calibrationEnd, model, horizonWeeks, false);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--calibration-end must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static int positiveInt(String value) {
        try {
            int weeks = Integer.parseInt(value);
            if (weeks > 0) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("--horizon-weeks must be a whole number of weeks > 0, was '" + value + "'");
    }
}
