/**
 * The shop's category tree (three levels, twenty leaves) and, for each leaf, the words its products are
 * made of. The words are chosen so that a product's name and description name its type: a model that
 * learns the category from text must be able to.
 */

export type VariantAxis = 'colour' | 'size';

export interface LeafSpec {
  name: string;
  /** Product types as they read in a product name. */
  types: readonly string[];
  /** Selling points, each reads after "offers" or "with". */
  features: readonly string[];
  /** Occasions, each reads after "built for". */
  uses: readonly string[];
  /** Lowest and highest price in the shop's main currency. */
  priceRange: readonly [number, number];
  /** What tells this leaf's variants apart, and the values they take. */
  variants: { axis: VariantAxis; values: readonly string[] };
}

export interface BranchSpec {
  name: string;
  children: readonly LeafSpec[];
}

export interface TopSpec {
  name: string;
  children: readonly BranchSpec[];
  /** Brands that sell in this department. */
  brands: readonly string[];
}

const COLOURS = ['Black', 'White', 'Graphite', 'Navy', 'Forest Green', 'Sand', 'Red', 'Silver'];

// A data table reads best one row per list, hence no reformatting.
// prettier-ignore
export const CATEGORY_TREE: readonly TopSpec[] = [
  {
    name: 'Electronics',
    brands: ['Sonorix', 'Auralis', 'Voltaro', 'Lumina', 'Kestrel Labs', 'Brightline', 'Nexacore', 'Optiq', 'Quillon', 'Helix Audio'],
    children: [
      {
        name: 'Audio',
        children: [
          {
            name: 'Headphones',
            types: ['Wireless Headphones', 'Over-Ear Headphones', 'Noise-Cancelling Headphones', 'Studio Headphones'],
            features: ['active noise cancelling', 'a 30-hour battery', 'memory-foam ear cushions', 'multipoint Bluetooth pairing', 'a foldable headband'],
            uses: ['long flights', 'the daily commute', 'studio monitoring', 'working from home'],
            priceRange: [39, 449],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Speakers',
            types: ['Bluetooth Speaker', 'Bookshelf Speakers', 'Smart Speaker', 'Portable Speaker'],
            features: ['360-degree sound', 'a waterproof housing', 'deep bass from a dual woofer', 'stereo pairing', 'a 20-hour battery'],
            uses: ['garden parties', 'small living rooms', 'the beach', 'desktop listening'],
            priceRange: [29, 599],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Microphones',
            types: ['USB Microphone', 'Condenser Microphone', 'Lavalier Microphone', 'Dynamic Microphone'],
            features: ['a cardioid pickup pattern', 'zero-latency monitoring', 'a built-in pop filter', 'a shock mount', '24-bit recording'],
            uses: ['podcasting', 'streaming', 'voice-over work', 'video calls'],
            priceRange: [25, 349],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
      {
        name: 'Computers',
        children: [
          {
            name: 'Laptops',
            types: ['Ultrabook Laptop', 'Gaming Laptop', 'Business Laptop', '2-in-1 Laptop'],
            features: ['a 14-inch display', '16 GB of memory', 'a backlit keyboard', 'an all-day battery', 'a fast SSD'],
            uses: ['students', 'travel', 'gaming', 'office work'],
            priceRange: [499, 2499],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Monitors',
            types: ['4K Monitor', 'Gaming Monitor', 'Ultrawide Monitor', 'Portable Monitor'],
            features: ['a 144 Hz refresh rate', 'an IPS panel', 'USB-C power delivery', 'a height-adjustable stand', 'HDR support'],
            uses: ['photo editing', 'competitive gaming', 'spreadsheets', 'a second screen on the road'],
            priceRange: [129, 1199],
            variants: { axis: 'size', values: ['24-inch', '27-inch', '32-inch'] },
          },
          {
            name: 'Keyboards',
            types: ['Mechanical Keyboard', 'Wireless Keyboard', 'Ergonomic Keyboard', 'Compact Keyboard'],
            features: ['hot-swappable switches', 'per-key RGB lighting', 'a split layout', 'a detachable cable', 'low-profile keys'],
            uses: ['programmers', 'long writing sessions', 'gaming', 'a tidy desk'],
            priceRange: [29, 249],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
      {
        name: 'Cameras',
        children: [
          {
            name: 'Digital Cameras',
            types: ['Mirrorless Camera', 'Compact Camera', 'Action Camera', 'Instant Camera'],
            features: ['a 24-megapixel sensor', '4K video', 'in-body stabilisation', 'a flip-out screen', 'weather sealing'],
            uses: ['travel photography', 'vlogging', 'family holidays', 'street photography'],
            priceRange: [99, 2199],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Lenses',
            types: ['Prime Lens', 'Zoom Lens', 'Macro Lens', 'Wide-Angle Lens'],
            features: ['a fast f/1.8 aperture', 'silent autofocus', 'optical stabilisation', 'a metal mount', 'low-dispersion glass'],
            uses: ['portraits', 'landscapes', 'close-up work', 'low light'],
            priceRange: [149, 1899],
            variants: { axis: 'size', values: ['35 mm', '50 mm', '85 mm'] },
          },
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    brands: ['Pinecrest', 'Hearthly', 'Copperline', 'Maison Vert', 'Brewster & Co', 'Oakhaven', 'Tidewell'],
    children: [
      {
        name: 'Kitchen Appliances',
        children: [
          {
            name: 'Coffee Makers',
            types: ['Espresso Machine', 'Drip Coffee Maker', 'Pour-Over Coffee Maker', 'Cold Brew Coffee Maker'],
            features: ['a 15-bar pump', 'a built-in grinder', 'a thermal carafe', 'a steam wand for milk', 'a programmable timer'],
            uses: ['busy mornings', 'small kitchens', 'the office', 'weekend brunches'],
            priceRange: [29, 899],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Blenders',
            types: ['Countertop Blender', 'Personal Blender', 'Immersion Blender', 'High-Speed Blender'],
            features: ['a 1200-watt motor', 'a BPA-free jar', 'pulse control', 'stainless steel blades', 'to-go cups'],
            uses: ['smoothies', 'soups', 'crushed ice', 'baby food'],
            priceRange: [24, 549],
            variants: { axis: 'colour', values: COLOURS },
          },
          {
            name: 'Toasters',
            types: ['Two-Slice Toaster', 'Four-Slice Toaster', 'Toaster Oven', 'Long-Slot Toaster'],
            features: ['wide slots for bagels', 'a defrost setting', 'a removable crumb tray', 'seven browning levels', 'a cool-touch housing'],
            uses: ['family breakfasts', 'bagel lovers', 'compact countertops', 'quick snacks'],
            priceRange: [19, 249],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
      {
        name: 'Furniture',
        children: [
          {
            name: 'Desks',
            types: ['Standing Desk', 'Writing Desk', 'Corner Desk', 'Computer Desk'],
            features: ['a dual-motor lift', 'a solid oak top', 'cable management trays', 'memory height presets', 'a steel frame'],
            uses: ['home offices', 'small apartments', 'gaming setups', 'studying'],
            priceRange: [129, 1299],
            variants: { axis: 'size', values: ['120 cm', '140 cm', '160 cm'] },
          },
          {
            name: 'Office Chairs',
            types: ['Ergonomic Office Chair', 'Mesh Office Chair', 'Executive Office Chair', 'Task Chair'],
            features: ['adjustable lumbar support', 'a breathable mesh back', '4D armrests', 'a synchro-tilt mechanism', 'a padded seat'],
            uses: ['long workdays', 'home offices', 'shared desks', 'gaming marathons'],
            priceRange: [89, 1199],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
    ],
  },
  {
    name: 'Sports & Outdoors',
    brands: ['Ridgeback', 'Trailmark', 'Summit & Pine', 'Velora', 'Northwind', 'Corvid Outdoor', 'Alpenglow'],
    children: [
      {
        name: 'Cycling',
        children: [
          {
            name: 'Bike Helmets',
            types: ['Road Bike Helmet', 'Mountain Bike Helmet', 'Commuter Bike Helmet', 'Kids Bike Helmet'],
            features: ['MIPS impact protection', 'twenty ventilation channels', 'an integrated rear light', 'a magnetic buckle', 'a removable visor'],
            uses: ['road racing', 'trail riding', 'city commuting', 'weekend rides'],
            priceRange: [29, 299],
            variants: { axis: 'size', values: ['Small', 'Medium', 'Large'] },
          },
          {
            name: 'Bike Lights',
            types: ['Front Bike Light', 'Rear Bike Light', 'Bike Light Set', 'Helmet Light'],
            features: ['800 lumens of output', 'USB-C charging', 'a daylight flash mode', 'a quick-release mount', 'an IPX6 rating'],
            uses: ['night rides', 'winter commuting', 'group rides', 'gravel tours'],
            priceRange: [12, 179],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
      {
        name: 'Camping',
        children: [
          {
            name: 'Tents',
            types: ['Backpacking Tent', 'Family Tent', 'Ultralight Tent', 'Pop-Up Tent'],
            features: ['a waterproof rainfly', 'aluminium poles', 'two vestibules', 'a packed weight under 2 kg', 'taped seams'],
            uses: ['thru-hiking', 'family campsites', 'festivals', 'alpine trips'],
            priceRange: [59, 899],
            variants: { axis: 'size', values: ['2-Person', '3-Person', '4-Person'] },
          },
          {
            name: 'Sleeping Bags',
            types: ['Down Sleeping Bag', 'Synthetic Sleeping Bag', 'Mummy Sleeping Bag', 'Kids Sleeping Bag'],
            features: ['a comfort rating of -5 °C', 'water-resistant down', 'a draught collar', 'a two-way zip', 'a compression sack'],
            uses: ['winter camping', 'summer festivals', 'backpacking', 'sleepovers'],
            priceRange: [39, 649],
            variants: { axis: 'size', values: ['Regular', 'Long', 'Wide'] },
          },
        ],
      },
    ],
  },
  {
    name: 'Fashion',
    brands: ['Stridewell', 'Maren & Lowe', 'Fieldcraft', 'Urbanite', 'Halcyon', 'Tessellate'],
    children: [
      {
        name: 'Footwear',
        children: [
          {
            name: 'Running Shoes',
            types: ['Road Running Shoes', 'Trail Running Shoes', 'Racing Flats', 'Cushioned Running Shoes'],
            features: ['a carbon plate', 'a grippy rubber outsole', 'a breathable knit upper', 'responsive foam cushioning', 'reflective details'],
            uses: ['marathon training', 'muddy trails', 'race day', 'easy recovery runs'],
            priceRange: [59, 279],
            variants: { axis: 'size', values: ['EU 40', 'EU 41', 'EU 42', 'EU 43', 'EU 44'] },
          },
          {
            name: 'Hiking Boots',
            types: ['Waterproof Hiking Boots', 'Leather Hiking Boots', 'Lightweight Hiking Boots', 'Winter Hiking Boots'],
            features: ['a waterproof membrane', 'a Vibram outsole', 'ankle support', 'a full-grain leather upper', 'an insulated lining'],
            uses: ['rocky trails', 'multi-day treks', 'wet weather', 'snowy paths'],
            priceRange: [79, 399],
            variants: { axis: 'size', values: ['EU 40', 'EU 41', 'EU 42', 'EU 43', 'EU 44'] },
          },
        ],
      },
      {
        name: 'Bags',
        children: [
          {
            name: 'Backpacks',
            types: ['Laptop Backpack', 'Hiking Backpack', 'Travel Backpack', 'Rolltop Backpack'],
            features: ['a padded laptop sleeve', 'water-resistant fabric', 'a ventilated back panel', 'a hip belt', 'hidden anti-theft pockets'],
            uses: ['commuting', 'day hikes', 'carry-on travel', 'university'],
            priceRange: [29, 329],
            variants: { axis: 'colour', values: COLOURS },
          },
        ],
      },
    ],
  },
];
