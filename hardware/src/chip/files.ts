/** The eMRTD application and the elementary files the kiosk reads (ICAO 9303 part 10). */
export const EMRTD_AID = Buffer.from('A0000002471001', 'hex');
export const EF = { COM: 0x011e, DG1: 0x0101, DG13: 0x010d, SOD: 0x011d } as const;
