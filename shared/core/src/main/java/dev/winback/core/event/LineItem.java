package dev.winback.core.event;

import java.math.BigDecimal;

public record LineItem(String sku, String category, int quantity, BigDecimal unitPrice) {
}
