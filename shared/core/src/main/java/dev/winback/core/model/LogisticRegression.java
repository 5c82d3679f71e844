package dev.winback.core.model;

import java.util.List;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealVector;

/**
 * Fits a {@link RiskRanking} by maximum likelihood (Newton's method, i.e. iteratively reweighted least
 * squares) on centred and scaled features. A small ridge penalty on the coefficients, not the
 * intercept, keeps the fit finite when a feature separates the outcomes of a small base.
 */
final class LogisticRegression {

    static final double RIDGE = 1e-3;
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    /**
     * @param rows     one row of feature values (in the order of {@code features}) per customer
     * @param positive whether each customer had the outcome (here: no purchase over the horizon)
     */
    static RiskRanking fit(List<RiskFeature> features, double[][] rows, boolean[] positive) {
        int n = rows.length;
        int k = features.size();
        if (n == 0 || positive.length != n) {
            throw new IllegalArgumentException("need one outcome per row and at least one row");
        }
        double[] centres = new double[k];
        double[] scales = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            double sumOfSquares = 0;
            for (double[] row : rows) {
                sum += row[j];
                sumOfSquares += row[j] * row[j];
            }
            centres[j] = sum / n;
            double sd = Math.sqrt(Math.max(0, sumOfSquares / n - centres[j] * centres[j]));
            scales[j] = sd > 1e-12 ? sd : 1; // a constant feature gets no weight from the data, only the ridge
        }
        double[][] design = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            for (int j = 0; j < k; j++) {
                design[i][j + 1] = (rows[i][j] - centres[j]) / scales[j];
            }
        }
        RealVector beta = new ArrayRealVector(k + 1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            RealVector step = newtonStep(design, positive, beta);
            beta = beta.add(step);
            if (step.getLInfNorm() < TOLERANCE) {
                break;
            }
        }
        double[] coefficients = new double[k];
        for (int j = 0; j < k; j++) {
            coefficients[j] = beta.getEntry(j + 1);
        }
        return new RiskRanking(features, centres, scales, beta.getEntry(0), coefficients);
    }

    /** Solves H step = gradient of the penalised log-likelihood; H is positive definite thanks to the ridge. */
    private static RealVector newtonStep(double[][] design, boolean[] positive, RealVector beta) {
        int n = design.length;
        int width = beta.getDimension();
        double[] gradient = new double[width];
        double[][] hessian = new double[width][width];
        for (int i = 0; i < n; i++) {
            double[] x = design[i];
            double p = LogMath.logistic(new ArrayRealVector(x, false).dotProduct(beta));
            double residual = (positive[i] ? 1 : 0) - p;
            double weight = p * (1 - p);
            for (int a = 0; a < width; a++) {
                gradient[a] += x[a] * residual;
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += weight * x[a] * x[b];
                }
            }
        }
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < a; b++) {
                hessian[b][a] = hessian[a][b];
            }
        }
        for (int j = 1; j < width; j++) {
            gradient[j] -= RIDGE * n * beta.getEntry(j);
            hessian[j][j] += RIDGE * n;
        }
        hessian[0][0] += 1e-12 * n; // the intercept is not penalised; this only guards an all-same outcome
        return new CholeskyDecomposition(MatrixUtils.createRealMatrix(hessian)).getSolver()
                .solve(new ArrayRealVector(gradient, false));
    }
}
