print("\N{cjk unified ideograph-6587}")
