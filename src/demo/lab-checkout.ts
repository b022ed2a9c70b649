import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/checkout`: the shipping step of a four-step checkout, its form split into fieldset steps. */

export const LAB_CHECKOUT_PATH = '/lab/checkout';

export const LAB_CHECKOUT_TRUTH: Omit<DemoLabTruth['checkout'], 'path'> = {
  steps: ['Cart', 'Shipping', 'Payment', 'Review'],
  currentStep: 2,
  formSteps: ['Shipping address', 'Payment details', 'Review your order'],
  currentFields: ['full-name', 'street', 'city', 'postal-code', 'country', 'delivery'],
  submit: 'Continue to payment',
  requiredFields: 7,
};

export function renderLabCheckout(ctx: RenderContext): string {
  const main = `<h1>Checkout</h1>
<ol class="checkout-steps" aria-label="Checkout progress">
<li class="done"><a href="/lab/components">Cart</a></li>
<li class="current" aria-current="step">Shipping</li>
<li>Payment</li>
<li>Review</li>
</ol>
<p class="step-count">Step 2 of 4</p>
<form class="checkout-form" action="/lab/checkout" method="get" aria-label="Checkout">
<fieldset data-step="shipping">
<legend>Shipping address</legend>
<label for="full-name">Full name</label><input id="full-name" name="full-name" autocomplete="name" required>
<label for="street">Street</label><input id="street" name="street" autocomplete="street-address" required>
<label for="city">City</label><input id="city" name="city" required>
<label for="postal-code">Postal code</label><input id="postal-code" name="postal-code" pattern="[0-9]{5}" required>
<label for="country">Country</label><select id="country" name="country" required><option>Germany</option><option>France</option></select>
<label><input type="radio" name="delivery" value="standard" checked> Standard delivery</label>
<label><input type="radio" name="delivery" value="express"> Express delivery</label>
</fieldset>
<fieldset data-step="payment" hidden>
<legend>Payment details</legend>
<label for="card-number">Card number</label><input id="card-number" name="card-number" inputmode="numeric" required>
<label for="card-cvc">Security code</label><input id="card-cvc" name="cvc" maxlength="4" required>
</fieldset>
<fieldset data-step="review" hidden>
<legend>Review your order</legend>
<label><input type="checkbox" name="terms"> I accept the terms of sale</label>
</fieldset>
<button type="submit">Continue to payment</button>
</form>
<p><a href="/lab/components" rel="prev">Back to cart</a></p>`;
  return renderDocument(
    ctx,
    {
      path: LAB_CHECKOUT_PATH,
      title: 'Checkout: shipping',
      description: 'The shipping step of a four-step checkout: cart, shipping, payment and review.',
      ogType: 'website',
    },
    main,
  );
}
