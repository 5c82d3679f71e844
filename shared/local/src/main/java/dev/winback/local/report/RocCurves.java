package dev.winback.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.report.RetentionReport.RocCurve;
import dev.winback.local.report.RetentionReport.RocPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads named ROC curves from JSON, the shape the report's own JSON lists them in:
 * {@code [{"name": "model", "auc": 0.78, "points": [[fpr, tpr], ...]}, ...]}, or an object whose
 * {@code rocCurves} field is such a list (a report's JSON).
 */
public final class RocCurves {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RocCurves() {
    }

    public static List<RocCurve> read(Path file) throws IOException {
        return parse(JSON.readTree(file.toFile()));
    }

    static List<RocCurve> parse(JsonNode json) {
        JsonNode list = json.isArray() ? json : json.path("rocCurves");
        if (!list.isArray()) throw new IllegalArgumentException("expected a list of curves or a \"rocCurves\" field");
        List<RocCurve> curves = new ArrayList<>();
        for (JsonNode curve : list) {
            List<RocPoint> points = new ArrayList<>();
            for (JsonNode point : curve.path("points")) {
                if (!point.isArray() || point.size() != 2) throw new IllegalArgumentException("a point is [fpr, tpr]");
                points.add(new RocPoint(point.get(0).asDouble(), point.get(1).asDouble()));
            }
            if (!curve.path("name").isTextual()) throw new IllegalArgumentException("every curve needs a name");
            curves.add(new RocCurve(curve.path("name").asText(), points,
                    curve.path("auc").isNumber() ? curve.path("auc").asDouble() : Double.NaN));
        }
        return curves;
    }
}
